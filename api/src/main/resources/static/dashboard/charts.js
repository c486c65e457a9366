// The job page's charts (Apache ECharts). Each function takes what it draws and nothing else.
const jobCharts = (() => {
  const instances = {};

  // no animations: live pages redraw often, and a chart caught mid-animation misleads
  function chart(id) {
    if (!instances[id]) {
      instances[id] = echarts.init(document.getElementById(id), null, { renderer: "canvas" });
      window.addEventListener("resize", () => instances[id].resize());
    }
    return instances[id];
  }

  // the API spells the direction in lower case ("maximize"); compare without caring
  const maximizes = (objective) => objective.direction.toUpperCase() === "MAXIMIZE";
  const better = (objective) => (maximizes(objective) ? (a, b) => a > b : (a, b) => a < b);

  /** Objective of each completed trial by number, and the best value so far. */
  function history(id, trials, objective) {
    const done = trials.filter((t) => t.state === "COMPLETED").sort((a, b) => a.number - b.number);
    const isBetter = better(objective);
    let best = null;
    const bestLine = done.map((t) => {
      if (best === null || isBetter(t.value, best)) best = t.value;
      return [t.number, best];
    });
    chart(id).setOption({
      animation: false,
      tooltip: { trigger: "item" },
      legend: { data: ["objective", "best so far"] },
      xAxis: { type: "value", name: "trial", minInterval: 1 },
      yAxis: { type: "value", name: objective.metric, scale: true },
      series: [
        { name: "objective", type: "scatter", data: done.map((t) => [t.number, t.value]), symbolSize: 8 },
        { name: "best so far", type: "line", data: bestLine, showSymbol: false },
      ],
    }, true);
  }

  /** One axis per searched parameter plus the objective; one line per completed trial. */
  function parallel(id, trials, searchSpace, objective) {
    const names = Object.keys(searchSpace).filter((n) => typeof searchSpace[n] === "object" && searchSpace[n] !== null);
    const axes = names.map((name, dim) => {
      const d = searchSpace[name];
      if (d.type === "categorical") return { dim, name, type: "category", data: d.values.map(String) };
      return { dim, name, type: d.log ? "log" : "value", min: d.min, max: d.max };
    });
    axes.push({ dim: names.length, name: objective.metric, type: "value", scale: true, nameTextStyle: { fontWeight: "bold" } });
    const done = trials.filter((t) => t.state === "COMPLETED");
    const values = done.map((t) => t.value);
    chart(id).setOption({
      animation: false,
      parallelAxis: axes,
      parallel: { left: 40, right: 90, bottom: 30, top: 40 },
      visualMap: values.length ? {
        type: "continuous", dimension: names.length, min: Math.min(...values), max: Math.max(...values),
        inRange: { color: maximizes(objective) ? ["#c6d4ee", "#2f6fde"] : ["#2f6fde", "#c6d4ee"] },
        right: 0, top: "middle", calculable: false, itemHeight: 120,
      } : undefined,
      series: [{
        type: "parallel", lineStyle: { width: 1.5, opacity: 0.7 },
        data: done.map((t) => [...names.map((n) => (searchSpace[n].type === "categorical" ? String(t.params[n]) : t.params[n])), t.value]),
      }],
    }, true);
  }

  /** The objective metric per epoch (or step) of the chosen trials. curves: [{number, points: [{x, y}]}]. */
  function curves(id, curves, metric, position) {
    chart(id).setOption({
      animation: false,
      tooltip: { trigger: "axis" },
      legend: { type: "scroll", data: curves.map((c) => "trial " + c.number) },
      xAxis: { type: "value", name: position, minInterval: 1 },
      yAxis: { type: "value", name: metric, scale: true },
      // short curves (a few epochs, or the steps an external client reported) need their points shown
      series: curves.map((c) => ({ name: "trial " + c.number, type: "line", showSymbol: c.points.length <= 30, data: c.points })),
    }, true);
  }

  /** Importance per parameter as horizontal bars, most important on top. */
  function importance(id, answer) {
    const entries = [...answer.parameters].reverse();
    const empty = entries.length === 0;
    chart(id).setOption({
      animation: false,
      title: empty ? { text: `Needs ${answer.minTrials} completed trials (has ${answer.trials})`, left: "center", top: "middle",
        textStyle: { fontSize: 13, fontWeight: "normal", color: "#5d6778" } } : undefined,
      grid: { left: 110, right: 50 },
      xAxis: { type: "value", max: 1, name: "importance", nameLocation: "middle", nameGap: 28 },
      yAxis: { type: "category", data: entries.map((e) => e.name) },
      series: [{ type: "bar", data: entries.map((e) => +e.importance.toFixed(3)), label: { show: true, position: "right" } }],
    }, true);
  }

  return { history, parallel, curves, importance };
})();
