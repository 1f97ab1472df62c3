// The live inbox: GET /api/v1/alerts/stream read with fetch() (EventSource cannot send the
// Authorization header). Each "alert" event is {id, status}; the alert itself is refetched through
// the API. On a broken connection it reconnects, and onOpen lets the page reload what it missed.
import { token } from './session.js';
import { url } from './api.js';

export function watchInbox({ onChange, onOpen = () => {}, onState = () => {} }) {
  let stopped = false;
  let controller;
  let retry = 1000;

  async function connect() {
    controller = new AbortController();
    try {
      const response = await fetch(url('notification', '/api/v1/alerts/stream'), {
        headers: { Accept: 'text/event-stream', Authorization: `Bearer ${token()}` },
        signal: controller.signal,
      });
      if (!response.ok) throw new Error(`stream answered ${response.status}`);
      retry = 1000;
      onState('live');
      onOpen();
      await read(response.body, onChange);
    } catch (error) {
      if (stopped) return;
    }
    if (!stopped) {
      onState('reconnecting');
      setTimeout(connect, retry);
      retry = Math.min(retry * 2, 30000);
    }
  }

  connect();
  return () => {
    stopped = true;
    controller?.abort();
  };
}

async function read(body, onChange) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value.replace(/\r\n?/g, '\n');
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const event = parse(buffer.slice(0, end));
      buffer = buffer.slice(end + 2);
      if (event.name === 'alert' && event.data) onChange(JSON.parse(event.data));
    }
  }
}

function parse(block) {
  const event = { name: 'message', data: '' };
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') event.name = value;
    else if (field === 'data') event.data += (event.data ? '\n' : '') + value;
  }
  return event;
}
