// The dashboard's only way to the REST API. Every request goes through annealApi so that, once
// API tokens exist, one place adds the Authorization header (and EventSource gets its token).
const annealApi = (() => {
  // Later: return { Authorization: "Bearer " + token } from a token login.
  const authHeaders = () => ({});

  async function get(path) {
    const response = await fetch(path, { headers: { Accept: "application/json", ...authHeaders() } });
    if (!response.ok) {
      const problem = await response.json().catch(() => ({}));
      throw new Error(problem.detail || problem.title || response.status + " " + response.statusText);
    }
    return response.json();
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

  function events(path) {
    return new EventSource(path);
  }

  return { get, all, events };
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
