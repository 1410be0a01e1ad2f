// The advisor's live triggers over Server-Sent Events. EventSource cannot send an Authorization header, so the
// stream is read with fetch() and parsed here; on any break it reconnects with Last-Event-ID, and the engine replays
// what was missed from the inbox.
import { token } from "./session.js";

const RetryMs = 1000;

/** Follows the stream of <advisorId>, calling onTrigger(trigger) per event and onState("live"|"offline"); returns a stop function. */
export function follow(advisorId, onTrigger, onState) {
  const stopper = new AbortController();
  let lastEventId = null;

  async function connect() {
    while (!stopper.signal.aborted) {
      try {
        const headers = { Authorization: `Bearer ${token()}`, Accept: "text/event-stream" };
        if (lastEventId !== null) headers["Last-Event-ID"] = lastEventId;
        const response = await fetch(`/api/advisors/${encodeURIComponent(advisorId)}/triggers/stream`, { headers, signal: stopper.signal });
        if (!response.ok) throw new Error(`stream answered ${response.status}`);
        onState("live");
        await read(response.body, (event) => {
          if (event.id !== null) lastEventId = event.id;
          if (event.type === "trigger") onTrigger(JSON.parse(event.data));
        });
      } catch (error) {
        if (stopper.signal.aborted) return;
      }
      onState("offline");
      await new Promise((resolve) => setTimeout(resolve, RetryMs));
    }
  }

  connect();
  return () => stopper.abort();
}

// Parses text/event-stream: events are separated by a blank line; "id:", "event:" and "data:" fields; ":" comments.
async function read(body, onEvent) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let end;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = { id: null, type: "message", data: "" };
      for (const line of block.split("\n")) {
        if (!line || line.startsWith(":")) continue;
        const colon = line.indexOf(":");
        const field = colon < 0 ? line : line.slice(0, colon);
        const text = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
        if (field === "id") event.id = text;
        else if (field === "event") event.type = text;
        else if (field === "data") event.data += (event.data ? "\n" : "") + text;
      }
      if (event.data) onEvent(event);
    }
  }
}
