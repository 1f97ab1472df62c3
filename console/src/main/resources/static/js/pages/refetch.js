// After a stream event, the alert as the API now says it. The event may run a moment ahead of the
// view the API reads (an acknowledgement is announced when recorded, the view follows): ask again
// briefly until the view shows the announced status.
import { get } from '../api.js';

const ATTEMPTS = 10;
const PAUSE = 300;

export async function refetchAlert({ id, status }) {
  let alert = null;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    try {
      alert = await get('notification', `/api/v1/alerts/${encodeURIComponent(id)}`);
      if (alert.status === status) return alert;
    } catch (error) {
      if (error.status !== 404 && error.status !== 503) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, PAUSE));
  }
  // The view is late: the event is the newer fact.
  return alert && { ...alert, status };
}
