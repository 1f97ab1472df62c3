// After an announced change, the API's view of it. The announcement may run a moment ahead of the
// view the API reads (an acknowledgement is announced when recorded, the view follows): ask again
// briefly until the view shows the change.
import { get } from '../api.js';

const ATTEMPTS = 10;
const PAUSE = 300;

/** read()'s answer once settled(answer) holds, or its last answer if the view stays behind. */
export async function refetchUntil(read, settled) {
  let answer = null;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    try {
      answer = await read();
      if (settled(answer)) return answer;
    } catch (error) {
      if (error.status !== 404 && error.status !== 503) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, PAUSE));
  }
  return answer;
}

/** After a stream event, the alert as the API now says it. */
export async function refetchAlert({ id, status }) {
  const alert = await refetchUntil(() => get('notification', `/api/v1/alerts/${encodeURIComponent(id)}`),
    (current) => current.status === status);
  // The view is late: the event is the newer fact.
  return alert && { ...alert, status };
}
