// The dashboard's only way to the REST API. Every request goes through annealApi, which adds
// the API token (when the server requires one) and asks for it with a login form on a 401.
const annealApi = (() => {
  const TOKEN_KEY = "anneal.token";
  const token = () => localStorage.getItem(TOKEN_KEY);
  const authHeaders = () => (token() ? { Authorization: "Bearer " + token() } : {});

  /** Shows the token form once; saving stores the token in this browser and reloads the page. */
  function askForToken(detail) {
    if (document.getElementById("login")) return;
    const input = el("input", { id: "login-token", type: "password", placeholder: "anneal_…", autocomplete: "off", size: "48" });
    const form = el("form", { id: "login", class: "card login" },
      el("h2", {}, "API token"),
      el("p", {}, detail || "This server needs an API token."),
      el("p", { class: "hint" }, "The first start wrote an admin token to ~/.anneal/admin-token; "
        + "POST /api/v1/tokens makes more. It is kept in this browser only."),
      input, " ", el("button", { id: "login-save", type: "submit" }, "Use token"));
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      localStorage.setItem(TOKEN_KEY, input.value.trim());
      location.reload();
    });
    document.querySelector("main").prepend(form);
    input.focus();
  }

  async function refused(response) {
    const problem = await response.json().catch(() => ({}));
    if (response.status === 401) {
      if (token()) localStorage.removeItem(TOKEN_KEY);
      askForToken(problem.detail);
    }
    return new Error(problem.detail || problem.title || response.status + " " + response.statusText);
  }

  async function get(path) {
    const response = await fetch(path, { headers: { Accept: "application/json", ...authHeaders() } });
    if (!response.ok) throw await refused(response);
    return response.json();
  }

  /** A text answer, such as a CSV download shown in the page. */
  async function text(path) {
    const response = await fetch(path, { headers: authHeaders() });
    if (!response.ok) throw await refused(response);
    return response.text();
  }

  /** Every item of a paged list, following pages (size 200, the maximum). */
  async function all(path) {
    const items = [];
    const sep = path.includes("?") ? "&" : "?";
    for (let page = 0; ; page++) {
      const answer = await get(path + sep + "size=200&page=" + page);
      items.push(...answer.items);
      if (page + 1 >= answer.totalPages) return items;
    }
  }

  /**
   * A Server-Sent Events stream read with fetch, because EventSource cannot send an
   * Authorization header. Like EventSource it reconnects after errors (3 s) and dispatches
   * "open", "error" and one event per named server event, with the payload in event.data.
   */
  function events(path) {
    const target = new EventTarget();
    let closed = false;
    let controller = null;
    const dispatch = (type, data) => {
      const event = new Event(type);
      event.data = data;
      target.dispatchEvent(event);
    };
    async function connect() {
      controller = new AbortController();
      const response = await fetch(path, {
        headers: { Accept: "text/event-stream", ...authHeaders() },
        signal: controller.signal,
      });
      if (!response.ok) {
        closed = response.status === 401; // retrying without a token is pointless; the form asks
        throw await refused(response);
      }
      dispatch("open");
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value.replace(/\r\n?/g, "\n");
        let end;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          let type = "message";
          const data = [];
          for (const line of block.split("\n")) {
            if (line.startsWith("event:")) type = line.slice(6).trim();
            else if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""));
          }
          if (data.length) dispatch(type, data.join("\n"));
        }
      }
    }
    (async () => {
      while (!closed) {
        try {
          await connect();
        } catch (e) {
          if (closed) return;
        }
        if (closed) return;
        dispatch("error");
        await new Promise((resolve) => setTimeout(resolve, 3000));
      }
    })();
    target.close = () => {
      closed = true;
      controller?.abort();
    };
    return target;
  }

  /**
   * Saves a file the API answers (a model zip, a CSV) under the name the server suggests. A
   * plain link cannot send the Authorization header, so the body is fetched and handed to the
   * browser as a blob.
   */
  async function download(path) {
    const response = await fetch(path, { headers: authHeaders() });
    if (!response.ok) throw await refused(response);
    const disposition = response.headers.get("Content-Disposition") || "";
    const name = (disposition.match(/filename="?([^";]+)"?/) || [])[1] || path.split("/").pop();
    const url = URL.createObjectURL(await response.blob());
    const link = el("a", { href: url, download: name });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  /**
   * An object URL of a picture the API answers, for an <img>: like download, the body is fetched
   * with the Authorization header a plain src cannot send. The caller revokes it.
   */
  async function pictureUrl(path) {
    const response = await fetch(path, { headers: authHeaders() });
    if (!response.ok) throw await refused(response);
    return URL.createObjectURL(await response.blob());
  }

  return { get, all, events, download, pictureUrl, text };
})();

// Small shared formatting and DOM helpers.
const fmt = {
  value: (v) => {
    if (v === null || v === undefined) return "–";
    if (typeof v !== "number") return String(v);
    const tiny = v !== 0 && Math.abs(v) < 0.001;
    return tiny || Math.abs(v) >= 1e5 ? v.toExponential(3) : String(+v.toFixed(4));
  },
  time: (t) => (t ? new Date(t).toLocaleString() : "–"),
  duration: (ms) => (ms === null || ms === undefined ? "–" : ms < 1000 ? ms + " ms" : (ms / 1000).toFixed(1) + " s"),
  params: (p) => Object.entries(p || {}).map(([k, v]) => k + "=" + (typeof v === "number" ? fmt.value(v) : v)).join(", "),
};

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") node.className = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

function stateBadge(state) {
  return el("span", { class: "state " + state }, state);
}

function queryParam(name) {
  return new URLSearchParams(location.search).get(name);
}

// The navigation bar of every page, so the pages do not each repeat it.
document.getElementById("nav")?.replaceChildren(
  el("a", { class: "brand", href: "/" }, "Anneal"),
  el("a", { href: "/" }, "Jobs"),
  el("a", { href: "/datasets.html" }, "Datasets"),
  el("a", { href: "/swagger-ui.html" }, "API"));
