// A sortable, paged table over rows held in memory. columns: [{key, label, render?, num?, sort?}].
class PagedTable {
  constructor(container, columns, { pageSize = 10, onRowClick = null, rowKey = null, initialSort = null } = {}) {
    this.columns = columns;
    this.pageSize = pageSize;
    this.onRowClick = onRowClick;
    this.rowKey = rowKey;
    this.rows = [];
    this.page = 0;
    this.sort = initialSort; // {key, dir: 1 | -1}
    this.table = el("table");
    this.pager = el("div", { class: "pager" });
    container.replaceChildren(this.table, this.pager);
  }

  setRows(rows) {
    this.rows = rows;
    this.render();
  }

  sorted() {
    if (!this.sort) return this.rows;
    const { key, dir } = this.sort;
    const column = this.columns.find((c) => c.key === key);
    const value = column.sort || ((row) => row[key]);
    return [...this.rows].sort((a, b) => {
      const x = value(a), y = value(b);
      if (x === y) return 0;
      if (x === null || x === undefined) return 1;
      if (y === null || y === undefined) return -1;
      return (x < y ? -1 : 1) * dir;
    });
  }

  render() {
    const pages = Math.max(1, Math.ceil(this.rows.length / this.pageSize));
    this.page = Math.min(this.page, pages - 1);
    const head = el("tr", {}, this.columns.map((c) => {
      const th = el("th", { "data-sort": c.key }, c.label);
      if (this.sort && this.sort.key === c.key) th.classList.add(this.sort.dir > 0 ? "asc" : "desc");
      th.addEventListener("click", () => {
        this.sort = { key: c.key, dir: this.sort && this.sort.key === c.key ? -this.sort.dir : 1 };
        this.render();
      });
      return th;
    }));
    const shown = this.sorted().slice(this.page * this.pageSize, (this.page + 1) * this.pageSize);
    const body = el("tbody", {}, shown.map((row) => {
      const tr = el("tr", this.onRowClick ? { class: "clickable" } : {},
        this.columns.map((c) => el("td", c.num ? { class: "num" } : {}, c.render ? c.render(row) : fmt.value(row[c.key]))));
      if (this.rowKey) tr.dataset.key = this.rowKey(row);
      if (this.onRowClick) tr.addEventListener("click", () => this.onRowClick(row));
      return tr;
    }));
    this.table.replaceChildren(el("thead", {}, head), body);
    this.pager.replaceChildren(
      el("button", { type: "button", class: "prev", onclick: () => { this.page--; this.render(); } }, "‹ Prev"),
      el("span", {}, `page ${this.page + 1} of ${pages} · ${this.rows.length} rows`),
      el("button", { type: "button", class: "next", onclick: () => { this.page++; this.render(); } }, "Next ›"));
    this.pager.querySelector(".prev").disabled = this.page === 0;
    this.pager.querySelector(".next").disabled = this.page >= pages - 1;
  }
}
