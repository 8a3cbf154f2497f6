/* Self-check: the pages work without it; see hooks/bank/selfcheck.py for the design. */
(() => {
  "use strict";
  if (window.qbSelfcheck) return; // instant navigation runs this file again
  window.qbSelfcheck = true;

  const KEY = "qb-selfcheck:v1";
  const DAY = 864e5;
  const WAIT = [0, 1, 3, 7, 16]; // days each Leitner box waits
  const LABEL = { correct: "Correct", incorrect: "Incorrect", got: "Got it", notyet: "Not yet" };
  const RIGHT = ["correct", "got"];
  const SRC = 'script[src$="assets/selfcheck/selfcheck.js"]';
  const root = new URL("../../", (document.currentScript || document.querySelector(SRC)).src);

  // Without storage, or with garbage in it, the copy in memory carries on; after a failed write
  // (storage full) memory is ahead of storage, so it stops reading storage.
  let memory = { v: 1, q: {} };
  let stored = true;
  const valid = (r) => r && Object.hasOwn(LABEL, r.s) && Number.isFinite(r.t) && Number.isInteger(r.b) && r.b > 0 && r.b < 6;
  const read = () => {
    try {
      const raw = stored && JSON.parse(localStorage.getItem(KEY));
      if (raw) {
        const q = {};
        if (raw.v === 1 && raw.q instanceof Object) for (const [id, r] of Object.entries(raw.q)) if (valid(r)) q[id] = r;
        memory = { v: 1, q };
      }
    } catch (e) {
      /* keep memory */
    }
    return memory;
  };
  const write = (state) => {
    memory = state;
    try {
      localStorage.setItem(KEY, JSON.stringify(state));
    } catch (e) {
      stored = false;
    }
  };
  const dueAt = (r) => r.t + WAIT[r.b - 1] * DAY;

  // A miss goes to box 1; a success goes up a box once due (not again the same day).
  const record = (id, s) => {
    const state = read();
    const old = state.q[id];
    const now = Date.now();
    let b = 1;
    if (RIGHT.includes(s)) b = !old ? 2 : now >= dueAt(old) ? Math.min(old.b + 1, 5) : old.b;
    state.q[id] = { s, t: now, b };
    write(state);
    refresh();
    return state.q[id];
  };

  let views = [];
  const view = (draw) => {
    views.push(draw);
    draw();
  };
  const refresh = () => views.forEach((draw) => draw());

  const el = (tag, props, ...kids) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(props || {})) k in e ? (e[k] = v) : e.setAttribute(k, v);
    e.append(...kids);
    return e;
  };
  const button = (text, cls, onclick) => {
    const b = el("button", { type: "button", class: `qb-button ${cls}`, textContent: text });
    b.addEventListener("click", onclick);
    return b;
  };
  const live = (cls) => el("p", { class: `qb-status ${cls}`, role: "status", "aria-live": "polite" });
  const when = (t) => new Date(t).toLocaleDateString("en", { day: "numeric", month: "short", year: "numeric" });
  const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;

  const cache = {};
  const get = (url, as) =>
    (cache[url] ||= fetch(url)
      .then((r) => {
        if (!r.ok) throw new Error(`${r.status} ${url}`);
        return r[as]();
      })
      .catch((e) => {
        delete cache[url]; // try again next time
        throw e;
      }));
  const loadIndex = () => get(new URL("selfcheck/index.json", root).href, "json").catch(() => null);

  // A question from its topic page, links made absolute.
  const fetchQuestion = async (q) => {
    const url = new URL(q.url, root);
    const doc = new DOMParser().parseFromString(await get(url.href.split("#")[0], "text"), "text/html");
    const section = doc.getElementById(q.id)?.closest("section.qb-question");
    if (!section) throw new Error(`no question ${q.id}`);
    for (const e of section.querySelectorAll("[href], [src]")) {
      for (const a of ["href", "src"]) if (e.hasAttribute(a)) e.setAttribute(a, new URL(e.getAttribute(a), url).href);
    }
    return document.importNode(section, true);
  };

  const enhance = (section, onResult) => {
    const id = section.dataset.qid;
    const details = section.querySelector("details.qb-reveal");
    if (section.dataset.qbReady || !id || !details) return;
    section.dataset.qbReady = "1";
    const last = el("span", { class: "qb-last" });
    section.querySelector(".qb-meta")?.append(" ", last);
    view(() => {
      const r = read().q[id];
      last.textContent = r ? `Last time: ${LABEL[r.s]}, ${when(r.t)}` : "";
    });
    const done = (s) => {
      onResult?.(id, s);
      return record(id, s);
    };
    (section.dataset.kind === "reveal" ? rater : chooser)(section, id, details, done);
  };

  const chooser = (section, id, details, done) => {
    const box = section.querySelector(".qb-choices");
    const ol = box?.querySelector("ol");
    const correct = details.querySelector(".qb-answer[data-correct]")?.dataset.correct.split(",");
    if (!ol || !correct) return;
    const multi = section.dataset.kind === "multiple";
    const fieldset = el("fieldset", { class: "qb-fieldset" }, el("legend", { class: "qb-legend" }, box.dataset.hint || ""));
    // The question text describes the group of choices.
    const start = section.querySelector(".qb-meta") || section.querySelector("h2");
    if (start?.parentNode === section && box.parentNode === section) {
      const text = el("div", { class: "qb-text", id: `qb-${id}-text` });
      while (start.nextSibling && start.nextSibling !== box) text.append(start.nextSibling);
      start.after(text);
      fieldset.setAttribute("aria-describedby", text.id);
    }
    const inputs = [...ol.children].map((li, i) => {
      const letter = String.fromCharCode(65 + i);
      const input = el("input", { type: multi ? "checkbox" : "radio", name: `qb-${id}`, value: letter, id: `qb-${id}-${letter}` });
      const text = el("span", {}, ...li.childNodes);
      const label = el("label", { for: input.id }, el("b", {}, `${letter}.`), " ", text, " ", el("span", { class: "qb-verdict" }));
      fieldset.append(el("div", { class: "qb-option" }, input, label));
      return input;
    });
    ol.replaceWith(fieldset);

    const status = live("qb-feedback");
    status.tabIndex = -1;
    const mark = (checked) =>
      inputs.forEach((input) => {
        const ok = correct.includes(input.value);
        input.disabled = checked;
        input.parentNode.className = `qb-option${checked ? (ok ? " is-correct" : " is-incorrect") : ""}`;
        input.parentNode.querySelector(".qb-verdict").textContent = checked
          ? (ok ? "Correct" : "Incorrect") + (input.checked ? " (your choice)" : "")
          : "";
        if (!checked) input.checked = false;
      });
    const show = (checked) => {
      check.hidden = checked;
      again.hidden = !checked;
      details.open = checked;
    };
    const check = button("Check", "qb-button--primary", () => {
      const chosen = inputs.filter((i) => i.checked).map((i) => i.value);
      if (!chosen.length) {
        status.textContent = `Select ${multi ? "at least one choice" : "a choice"}, then check.`;
        return;
      }
      const right = `${chosen}` === `${correct}`;
      const key = correct.length > 1 ? `choices are ${correct.join(", ")}` : `choice is ${correct}`;
      mark(true);
      show(true);
      status.textContent = `${right ? "Correct" : "Incorrect"}. You chose ${chosen.join(", ")}${
        right ? "" : `; the correct ${key}`
      }. The answer is open below.`;
      status.focus();
      done(right ? "correct" : "incorrect");
    });
    const again = button("Try again", "", () => {
      mark(false);
      show(false);
      status.textContent = "";
      inputs[0].focus();
    });
    again.hidden = true;
    box.append(el("div", { class: "qb-tools" }, check, again), status);
  };

  const rater = (section, id, details, done) => {
    const prompt = el("span", { class: "qb-rate__label", id: `qb-${id}-rate` }, "How did you do?");
    const status = live("");
    const kinds = ["got", "notyet"];
    const buttons = kinds.map((s) =>
      button(LABEL[s], "", () => {
        const r = done(s);
        status.textContent = r.b > 1
          ? `Saved as got it: this question comes back for review in ${plural(WAIT[r.b - 1], "day")}.`
          : "Saved as not yet: this question is on your review list now.";
      }),
    );
    const group = el("div", { class: "qb-rate", role: "group", "aria-labelledby": prompt.id }, prompt, ...buttons);
    (details.querySelector(".qb-answer") || details.querySelector("summary")).after(group, status);
    view(() => {
      const r = read().q[id];
      buttons.forEach((b, i) => b.setAttribute("aria-pressed", r?.s === kinds[i]));
    });
  };

  const progress = (ids, scope) => {
    const text = el("p", { class: "qb-progress__text" });
    const bar = el("progress", { max: ids.length, "aria-hidden": "true" }); // the text says it
    const note = live("");
    const reset = button(`Reset progress ${scope}`, "", () => {
      if (!confirm(`Clear your answers to ${plural(ids.length, "question")} ${scope}? This cannot be undone.`)) return;
      const state = read();
      for (const id of ids) delete state.q[id];
      write(state);
      refresh();
      note.textContent = "Progress cleared.";
    });
    view(() => {
      const q = read().q;
      const answered = ids.filter((id) => q[id]);
      const right = answered.filter((id) => RIGHT.includes(q[id].s)).length;
      text.textContent = `Your progress: ${answered.length} of ${ids.length} answered, ${right} right.`;
      bar.value = answered.length;
    });
    return el("div", { class: "qb-progress" }, text, bar, reset, note);
  };

  const overview = async (main) => {
    const table = main.querySelector("table");
    const data = await loadIndex();
    if (!table?.tHead || !table.tBodies[0] || !data) return;
    const topics = new Map(data.topics.map((t) => [new URL(t.url, root).pathname, t]));
    const rows = [...table.tBodies[0].rows].map((row) => [row, topics.get(new URL(row.querySelector("a")?.href || "#", location).pathname)]);
    if (!rows.some(([, t]) => t)) return;
    table.tHead.rows[0].append(el("th", {}, "Your progress"));
    const cells = rows.map(([row, t]) => [row.insertCell(), t]);
    const ids = data.questions.map((q) => q.id);
    (table.closest(".md-typeset__scrollwrap") || table).before(progress(ids, "on all topics"));
    view(() => {
      const q = read().q;
      for (const [cell, t] of cells) {
        if (t) cell.textContent = `${data.questions.filter((x) => x.topic === t.slug && q[x.id]).length} of ${t.count}`;
      }
    });
  };

  const questionLink = (q, titles, props) =>
    el("a", { href: new URL(q.url, root).href, ...props }, q.title ? `${titles[q.topic]}: ${q.title}` : `${titles[q.topic]}: question ${q.number}`);

  const review = async (study) => {
    const data = await loadIndex();
    if (!data) return;
    const titles = Object.fromEntries(data.topics.map((t) => [t.slug, t.title]));
    const q = read().q;
    const soon = (a, b) => dueAt(q[a.id]) - dueAt(q[b.id]);
    const tried = data.questions.filter((x) => q[x.id]).sort(soon);
    const due = tried.filter((x) => dueAt(q[x.id]) <= Date.now());
    const later = tried.slice(due.length);
    const summary = !tried.length
      ? "You have not answered any questions yet. Answer some on the topic pages: the ones you miss come back here."
      : `${plural(due.length, "question")} due for review now. ` +
        (later.length ? `${later.length} more scheduled, the next on ${when(dueAt(q[later[0].id]))}. ` : "") +
        `${data.questions.length - tried.length} not tried yet.`;
    const list = el("ol", { class: "qb-due" });
    for (const x of due) {
      const link = questionLink(x, titles, { id: `qb-due-${x.id}` });
      const place = el("div", { class: "qb-inline", id: `qb-place-${x.id}`, hidden: true });
      const show = button("Show here", "", async () => {
        if (!place.firstChild) {
          try {
            const section = await fetchQuestion(x);
            place.append(section);
            enhance(section);
          } catch (e) {
            place.textContent = "This question could not be loaded here; follow its link instead.";
          }
        }
        place.hidden = !place.hidden;
        show.textContent = place.hidden ? "Show here" : "Hide";
        show.setAttribute("aria-expanded", !place.hidden);
      });
      for (const [k, v] of [["aria-expanded", false], ["aria-controls", place.id], ["aria-describedby", link.id]]) {
        show.setAttribute(k, v);
      }
      const last = ` (last time: ${LABEL[q[x.id].s].toLowerCase()}, ${when(q[x.id].t)}) `;
      list.append(el("li", {}, link, last, show, place));
    }
    study.replaceChildren(el("p", {}, summary), ...(due.length ? [list] : []));
  };

  const practice = async (study) => {
    const data = await loadIndex();
    if (!data) return;
    const titles = Object.fromEntries(data.topics.map((t) => [t.slug, t.title]));
    const topics = el("fieldset", { class: "qb-fieldset" }, el("legend", { class: "qb-legend" }, "Topics"));
    const boxes = data.topics
      .filter((t) => t.count)
      .map((t) => {
        const input = el("input", { type: "checkbox", value: t.slug, id: `qb-topic-${t.slug}`, checked: true });
        topics.append(el("div", { class: "qb-option" }, input, el("label", { for: input.id }, `${t.title} (${t.count})`)));
        return input;
      });
    const size = el("select", {}, ...[5, 10, 20].map((n) => new Option(n, n, n === 10, n === 10)));
    const note = live("");
    const form = el(
      "form",
      { class: "qb-practice" },
      topics,
      el("label", { class: "qb-size" }, "Questions in the set ", size),
      " ",
      el("button", { class: "qb-button qb-button--primary" }, "Start the set"),
      note,
    );
    const set = el("div", { class: "qb-set" });
    study.replaceChildren(form, set);

    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const chosen = boxes.filter((b) => b.checked).map((b) => b.value);
      if (!chosen.length) {
        note.textContent = "Choose at least one topic.";
        return;
      }
      const pool = data.questions.filter((x) => chosen.includes(x.topic));
      for (let i = pool.length - 1; i > 0; i--) {
        const j = Math.floor(Math.random() * (i + 1));
        [pool[i], pool[j]] = [pool[j], pool[i]];
      }
      pool.splice(size.value);
      let sections;
      try {
        sections = await Promise.all(pool.map(fetchQuestion));
      } catch (e) {
        note.textContent = "The questions could not be loaded. Try again, or open a topic page.";
        return;
      }
      note.textContent = `Your set of ${plural(pool.length, "question")} is below.`;
      const results = {};
      set.replaceChildren();
      sections.forEach((section, i) => {
        const heading = section.querySelector("h2");
        if (heading?.firstChild) heading.firstChild.nodeValue = `Question ${i + 1} of ${pool.length}`;
        section.querySelector(".qb-meta")?.prepend(el("span", { class: "qb-topic" }, titles[pool[i].topic]), " ");
        set.append(section);
        enhance(section, (id, s) => {
          results[id] ||= s; // the first attempt counts
        });
      });
      const result = el("div", { class: "qb-result" });
      const finish = button("Finish and see your score", "qb-button--primary", () => {
        const misses = pool.filter((x) => !RIGHT.includes(results[x.id]));
        const heading = el("h2", { tabIndex: -1 }, "Your score");
        const list = el("ul", {}, ...misses.map((x) => el("li", {}, questionLink(x, titles), ` (${LABEL[results[x.id]]?.toLowerCase() || "not answered"})`)));
        result.replaceChildren(
          heading,
          el("p", { class: "qb-score" }, `${pool.length - misses.length} of ${pool.length} right.`),
          ...(misses.length ? [el("p", {}, "Questions to look at again:"), list] : [el("p", {}, "No misses: well done.")]),
        );
        heading.focus();
      });
      set.append(finish, result);
    });
  };

  const init = () => {
    const main = document.querySelector(".md-content") || document.body;
    // Once per page, and only where this script is loaded.
    if (main.dataset.qbInit || !main.querySelector(SRC)) return;
    main.dataset.qbInit = "1";
    views = [];
    const sections = [...main.querySelectorAll("section.qb-question")];
    sections.forEach((section) => enhance(section));
    const ids = sections.map((s) => s.dataset.qid);
    main.querySelector(".qb-topic-meta")?.after(progress(ids, "on this page"));
    const study = main.querySelector("[data-qb-study]");
    const report = (e) => console.error("self-check:", e);
    if (study) (study.dataset.qbStudy === "review" ? review : practice)(study).catch(report);
    else if (!sections.length) overview(main).catch(report);
    // Enhancing moved things: bring a deep-linked question back into view.
    const target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    if (target?.closest(".qb-question")) target.scrollIntoView();
  };
  const start = () => {
    try {
      init();
    } catch (e) {
      console.error("self-check:", e);
    }
  };
  if (window.document$) window.document$.subscribe(start);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
