/* Design: hooks/bank/selfcheck.py */
(() => {
	"use strict";
	if (window.qbSelfcheck) return;
	window.qbSelfcheck = true;

	const KEY = "qb-selfcheck:v1";
	const SET = "qb-selfcheck:set";
	const DAY = 864e5;
	const WAIT = [0, 1, 3, 7, 16];
	const LABEL = { correct: "Correct", incorrect: "Incorrect", got: "Got it", notyet: "Not yet" };
	const RIGHT = ["correct", "got"];
	const SRC = 'script[src$="assets/selfcheck/selfcheck.js"]';
	const root = new URL("../../", (document.currentScript || document.querySelector(SRC)).src);
	let memory = { v: 1, q: {} };
	let stored = true;
	const num = Number.isFinite;
	const valid = (r) =>
		r && Object.hasOwn(LABEL, r.s) && num(r.t) && Number.isInteger(r.b) && r.b > 0 && r.b < 6 && num(r.d ?? 0) && typeof (r.a ?? "") == "string";
	const clean = (raw) => raw?.v === 1 && raw.q instanceof Object && !Array.isArray(raw.q) && Object.entries(raw.q).filter(([, r]) => valid(r));
	const read = () => {
		try {
			const raw = stored && JSON.parse(localStorage.getItem(KEY));
			if (raw) memory = { v: 1, q: Object.fromEntries(clean(raw) || []) };
		} catch {}
		return memory;
	};
	const write = (state) => {
		memory = state;
		try {
			localStorage.setItem(KEY, JSON.stringify(state));
		} catch {
			stored = false;
		}
		refresh();
	};
	const last = (r) => r.d ?? r.t;
	const dueAt = (r) => last(r) + WAIT[r.b - 1] * DAY;
	const due = (r) => r && dueAt(r) <= Date.now();
	const day = (t) => new Date(t).toDateString();
	const record = (id, s, a) => {
		const state = read();
		const old = state.q[id];
		const now = Date.now();
		const scored = !old || day(last(old)) !== day(now);
		let b = old?.b;
		let d = old && last(old);
		if (scored) {
			b = !RIGHT.includes(s) ? 1 : !old ? 2 : due(old) ? Math.min(b + 1, 5) : b;
			d = now;
		}
		state.q[id] = { s, t: now, b, d, a };
		write(state);
		return [state.q[id], scored];
	};
	const schedule = ([r, scored]) =>
		(scored ? "" : "Practice: only your first answer of the day counts for review. ") +
		(due(r) ? "This question is on your review list now." : `This question comes back for review ${dueAt(r) - Date.now() < 1.5 * DAY ? "tomorrow" : `on ${when(dueAt(r))}`}.`);

	let views = [];
	const view = (draw) => {
		views.push(draw);
		draw();
	};
	const refresh = () => views.forEach((draw) => draw());
	addEventListener("storage", (e) => e.key === KEY && refresh());

	const el = (tag, props, ...kids) => {
		const e = document.createElement(tag);
		for (const [k, v] of Object.entries(typeof props == "string" ? { class: props } : props || {})) k in e ? (e[k] = v) : e.setAttribute(k, v);
		e.append(...kids);
		return e;
	};
	const button = (text, cls, onclick) => el("button", { type: "button", class: `qb-button ${cls}`, textContent: text, onclick });
	const live = (cls) => el("p", { class: `qb-status ${cls}`, role: "status", "aria-live": "polite", tabIndex: -1 });
	const when = (t) => new Date(t).toLocaleDateString("en", { day: "numeric", month: "short", year: "numeric" });
	const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
	const L = (i) => String.fromCharCode(65 + i);
	const shuffle = (a) => {
		for (let i = a.length - 1; i > 0; i--) {
			const j = Math.floor(Math.random() * (i + 1));
			[a[i], a[j]] = [a[j], a[i]];
		}
		return a;
	};

	const cache = {};
	const get = (url, as) =>
		(cache[url] ||= fetch(url).then((r) => (r.ok ? r[as]() : Promise.reject(new Error(`${r.status} ${url}`)))));
	const loadIndex = () => get(new URL("selfcheck/index.json", root).href, "json").catch(() => null);
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

	const tools = (box, details, check, reset, ...before) => {
		const status = live("qb-feedback");
		const show = (done) => {
			go.hidden = done;
			again.hidden = !done;
			details.open = done;
		};
		const go = button("Check", "qb-button--primary qb-check", () => {
			const [text, answered] = check();
			status.textContent = text;
			if (answered) {
				show(true);
				status.focus();
			}
		});
		const again = button("Try again", "", () => {
			show(false);
			status.textContent = "";
			reset();
		});
		show(false);
		box.append(...before, el("div", "qb-tools", go, again), status);
		return go;
	};

	const enhance = (section, onResult) => {
		const id = section.dataset.qid;
		const details = section.querySelector("details.qb-reveal");
		if (section.dataset.qbReady || !id || !details) return;
		section.dataset.qbReady = "1";
		const headerlink = section.querySelector("h2 .headerlink");
		if (headerlink) headerlink.tabIndex = -1;
		const lastTime = el("p", "qb-last");
		section.querySelector(".qb-meta")?.after(lastTime);
		view(() => {
			const r = read().q[id];
			lastTime.textContent = r ? `Last time (${when(r.t)}): ${LABEL[r.s]}.${r.a ? ` Your answer: ${r.a}` : ""}` : "";
		});
		const done = (s, a) => {
			onResult?.(id, s);
			return record(id, s, a);
		};
		const kind = section.dataset.kind;
		(kind === "reveal" ? rater : kind === "numeric" ? numeric : chooser)(section, id, details, done);
	};

	const chooser = (section, id, details, done) => {
		const box = section.querySelector(".qb-choices");
		const ol = box?.querySelector("ol");
		const answer = details.querySelector(".qb-answer[data-correct]");
		if (!ol || !answer) return;
		const correct = answer.dataset.correct.split(",");
		const multi = section.dataset.kind === "multiple";
		const fieldset = el("fieldset", "qb-fieldset", el("legend", "qb-legend", box.dataset.hint || ""));
		const start = section.querySelector(".qb-last");
		if (start?.parentNode === section && box.parentNode === section) {
			const text = el("div", { class: "qb-text", id: `qb-${id}-text` });
			while (start.nextSibling && start.nextSibling !== box) text.append(start.nextSibling);
			start.after(text);
			fieldset.setAttribute("aria-describedby", text.id);
		}
		const reasons = details.querySelector(".qb-reasons");
		if (reasons) reasons.hidden = true;
		const why = reasons ? [...reasons.querySelectorAll("ol > li")] : [];
		const line = answer.querySelector(":scope > p:first-child > strong:first-child");
		let opts = [...ol.children].map((li, i) => {
			const o = { ok: correct.includes(L(i)), letter: el("b"), text: el("span", {}, ...li.childNodes), verdict: el("span", "qb-verdict") };
			o.reason = el("span", { class: "qb-reason", hidden: true });
			if (why[i]) {
				why[i].querySelector(".qb-reason__choice")?.remove();
				o.reason.append(...why[i].childNodes);
			}
			o.input = el("input", { type: multi ? "checkbox" : "radio", name: `qb-${id}`, value: L(i), id: `qb-${id}-${i}` });
			o.div = el("div", "qb-option", o.input, el("label", { for: o.input.id }, o.letter, " ", o.text, " ", o.verdict, o.reason));
			return o;
		});
		ol.replaceWith(fieldset);
		const copy = (o) => [`${o.shown}. `, ...[...o.text.childNodes].map((n) => n.cloneNode(true))];
		const order = () => {
			opts = shuffle(opts);
			opts.forEach((o, i) => {
				o.shown = L(i);
				o.letter.textContent = `${o.shown}.`;
				fieldset.append(o.div);
			});
			line?.parentNode.replaceChildren(line, " ", ...opts.filter((o) => o.ok).flatMap((o, k) => [k ? "; " : "", ...copy(o)]));
		};
		const VERDICT = [
			["left", "Not picked: right to leave out."],
			["missed", "Missed: this one is right."],
			["wrong", "Your pick: wrong."],
			["right", "Your pick: right."],
		];
		const mark = (checked) =>
			opts.forEach((o) => {
				const [cls, word] = VERDICT[o.input.checked * 2 + o.ok];
				o.input.disabled = checked;
				o.div.className = `qb-option${checked ? ` is-${cls}` : ""}`;
				o.verdict.textContent = checked ? word : "";
				o.reason.hidden = !checked;
				if (!checked) o.input.checked = false;
			});
		const check = () => {
			const chosen = opts.filter((o) => o.input.checked);
			if (!chosen.length) return [`Select ${multi ? "at least one choice" : "a choice"}, then check.`];
			const found = chosen.filter((o) => o.ok).length;
			const wrong = chosen.length - found;
			const right = !wrong && found === correct.length;
			const key = opts.filter((o) => o.ok).map((o) => o.shown);
			const result = done(right ? "correct" : "incorrect", chosen.map((o) => o.text.textContent.trim()).join("; "));
			mark(true);
			return [
				(right ? "Correct" : "Incorrect") +
				(multi ? `: ${found} of ${key.length} correct, ${plural(wrong, "wrong pick")}` : "") +
				`. You chose ${chosen.map((o) => o.shown).join(", ")}${right ? "" : `; the correct ${multi ? `choices are ${key.join(", ")}` : `choice is ${key}`}`}. ` +
					`${schedule(result)} The answer is open below.`,
				1,
			];
		};
		tools(box, details, check, () => {
			mark(false);
			order();
			opts[0].input.focus();
		});
		order();
	};

	const numeric = (section, id, details, done) => {
		const box = section.querySelector(".qb-numeric");
		const answer = details.querySelector(".qb-answer[data-value]");
		if (!box || !answer) return;
		const value = +answer.dataset.value;
		const tolerance = +answer.dataset.tolerance || 0;
		const unit = box.dataset.unit ? ` ${box.dataset.unit}` : "";
		const input = el("input", { type: "text", inputMode: "decimal", autocomplete: "off", id: `qb-${id}-n`, class: "qb-number" });
		const check = () => {
			const raw = input.value.trim().replace("−", "-");
			const x = /^[-+]?(\d+([.,]\d*)?|[.,]\d+)(e[-+]?\d+)?$/i.test(raw) ? +raw.replace(",", ".") : NaN;
			if (!num(x)) return ["Type a number, such as 0.5, 0,5 or 1e-3, then check."];
			const right = Math.abs(x - value) <= tolerance * (1 + 1e-9);
			const result = done(right ? "correct" : "incorrect", raw + unit);
			input.readOnly = true;
			return [
				`${right ? "Correct" : "Incorrect"}. You answered ${raw}${unit}; the answer is ${answer.dataset.value}${unit}${
					tolerance ? `, give or take ${answer.dataset.tolerance}` : ""
				}. ${schedule(result)} The worked solution is open below.`,
				1,
			];
		};
		const label = el("label", { for: input.id, class: "qb-legend" }, `Your answer${unit && ` (${unit.trim()})`}`);
		const go = tools(box, details, check, () => {
			input.readOnly = false;
			input.value = "";
			input.focus();
		}, label, " ", input);
		input.onkeydown = (e) => e.key === "Enter" && !go.hidden && go.click();
	};

	const rater = (section, id, details, done) => {
		const prompt = el("span", { class: "qb-rate__label", id: `qb-${id}-rate` }, "How did you do?");
		const status = live("");
		const kinds = ["got", "notyet"];
		const buttons = kinds.map((s) =>
			button(LABEL[s], "", () => {
				const result = done(s, "");
				status.textContent = `Saved as ${LABEL[s].toLowerCase()}. ${schedule(result)}`;
			}),
		);
		const group = el("div", { class: "qb-rate", role: "group", "aria-labelledby": prompt.id }, prompt, ...buttons);
		(details.querySelector(".qb-answer") || details.querySelector("summary")).after(group, status);
		view(() => {
			const r = read().q[id];
			buttons.forEach((b, i) => b.setAttribute("aria-pressed", r?.s === kinds[i]));
		});
	};

	const progress = (box, ids) => {
		const [text, bar, reset, note] = box.children;
		reset.onclick = () => {
			if (!confirm(`Clear your answers to ${plural(ids.length, "question")} ${box.dataset.scope}? This cannot be undone.`)) return;
			const state = read();
			for (const id of ids) delete state.q[id];
			write(state);
			note.textContent = "Progress cleared.";
		};
		view(() => {
			const q = read().q;
			const answered = ids.filter((id) => q[id]);
			const right = answered.filter((id) => RIGHT.includes(q[id].s)).length;
			const now = `Your progress: ${answered.length} of ${ids.length} answered, ${right} right.`;
			if (text.textContent !== now) {
				text.textContent = now;
				bar.value = answered.length;
			}
		});
	};
	const marks = () =>
		view(() => {
			const q = read().q;
			for (const a of document.querySelectorAll('.md-nav a[href*="#"]')) {
				const r = q[a.getAttribute("href").split("#")[1]];
				const mark = !r ? "" : !RIGHT.includes(r.s) ? "missed" : due(r) ? "due" : "right";
				const span = a.querySelector(".qb-mark") || (mark && a.appendChild(el("span", "qb-mark")));
				if (span) span.dataset.mark = span.textContent = mark;
			}
		});

	const overview = async (main) => {
		const table = main.querySelector("table");
		const data = await loadIndex();
		if (!table?.tHead || !table.tBodies[0] || !data) return;
		const topics = new Map(data.topics.map((t) => [new URL(t.url, root).pathname, t]));
		const rows = [...table.tBodies[0].rows].map((row) => [row, topics.get(new URL(row.querySelector("a")?.href || "#", location).pathname)]);
		if (!rows.some(([, t]) => t)) return;
		table.tHead.rows[0].append(el("th", {}, "Your progress"));
		const cells = rows.map(([row, t]) => [row.insertCell(), t]);
		const box = main.querySelector(".qb-progress");
		if (box) progress(box, data.questions.map((q) => q.id));
		view(() => {
			const q = read().q;
			for (const [cell, t] of cells) {
				if (t) cell.textContent = `${data.questions.filter((x) => x.topic === t.slug && q[x.id]).length} of ${t.count}`;
			}
		});
	};

	const titles = (data) => Object.fromEntries(data.topics.map((t) => [t.slug, t.title]));
	const name = (data, q) => `${titles(data)[q.topic]}: ${q.title || `question ${q.number}`}`;
	const link = (data, q) => el("a", { href: new URL(q.url, root).href }, name(data, q));
	const dueList = (data) => data.questions.filter((x) => due(read().q[x.id]));
	const laterText = (data) => {
		const q = read().q;
		const byDay = {};
		for (const x of data.questions) if (q[x.id] && !due(q[x.id])) byDay[when(dueAt(q[x.id]))] = (byDay[when(dueAt(q[x.id]))] || 0) + 1;
		const days = Object.entries(byDay).sort((a, b) => Date.parse(a[0]) - Date.parse(b[0]));
		return days.length ? `Due later: ${days.map(([d, n]) => `${n} on ${d}`).join(", ")}.` : "Nothing else is scheduled yet.";
	};
	const runner = (data, stage, items, at, { heading, result, end, save }) => {
		const next = button("", "qb-button--primary qb-next", () => go(at + 1));
		const go = async (i) => {
			at = i;
			save?.(i);
			if (i >= items.length) return end();
			const x = items[i];
			let section;
			try {
				section = await fetchQuestion(x);
			} catch {
				section = el("p", {}, "This question could not be loaded here: ", link(data, x));
			}
			if (at !== i) return;
			const h = section.querySelector?.("h2");
			heading?.(section, i, h);
			next.textContent = i + 1 < items.length ? "Next question" : "Finish";
			stage.replaceChildren(section, next);
			if (section.dataset) enhance(section, result);
			if (h) {
				h.tabIndex = -1;
				if (i) h.focus();
			}
		};
		go(at);
	};

	const owner = () => {
		const note = live("");
		const file = el("input", { type: "file", accept: ".json", id: "qb-import" });
		file.onchange = async () => {
			let raw, parsed;
			try {
				parsed = JSON.parse(await file.files[0].text());
				raw = clean(parsed);
			} catch {}
			file.value = "";
			if (!raw?.length || raw.length !== Object.keys(parsed.q).length) {
				note.textContent = "That file is not a progress file exported from this site, so nothing was changed.";
				return;
			}
			const state = read();
			const newer = raw.filter(([id, r]) => !(state.q[id]?.t >= r.t));
			write({ v: 1, q: Object.fromEntries([...Object.entries(state.q), ...newer]) });
			note.textContent = `Imported ${plural(raw.length, "answer")}: ${newer.length} newer than the ones in this browser.`;
		};
		const exp = button("Export progress", "", () => {
			const state = read();
			el("a", { href: URL.createObjectURL(new Blob([JSON.stringify(state)])), download: "self-check-progress.json" }).click();
			note.textContent = `Saved ${plural(Object.keys(state.q).length, "answer")}.`;
		});
		return el("div", "qb-own", exp, el("label", { for: file.id, class: "qb-legend" }, "Import progress from a file "), file, note);
	};

	const review = async (study) => {
		const data = await loadIndex();
		if (!data) return;
		const summary = el("p", "qb-summary");
		const stage = el("div", "qb-stage");
		const queue = dueList(data).sort((a, b) => dueAt(read().q[a.id]) - dueAt(read().q[b.id]));
		let done = 0;
		view(() => {
			const q = read().q;
			const tried = data.questions.filter((x) => q[x.id]).length;
			summary.textContent = !tried
				? "Nothing to review yet: the questions you answer on the topic pages come back here."
				: `${plural(dueList(data).length, "question")} due now. ${queue.length ? `${queue.length - done} left in this session. ` : ""}${laterText(data)} ${data.questions.length - tried} not tried yet.`;
		});
		study.replaceChildren(summary, stage, owner());
		if (!queue.length) return;
		runner(data, stage, queue, 0, {
			heading: (section, i) => section.querySelector?.(".qb-meta")?.prepend(el("span", "qb-topic", `Due ${i + 1} of ${queue.length}`), " "),
			save: (i) => {
				done = i;
				refresh();
			},
			end: () => {
				const h = el("h2", { tabIndex: -1 }, "Review done for now");
				stage.replaceChildren(h, el("p", {}, `${plural(dueList(data).length, "question")} still due. ${laterText(data)}`));
				h.focus();
			},
		});
	};
	const sets = () => {
		try {
			return JSON.parse(sessionStorage.getItem(SET)) || {};
		} catch {
			return {};
		}
	};
	const keep = (s) => {
		try {
			sessionStorage.setItem(SET, JSON.stringify({ ...sets(), [s.ids]: s }));
		} catch {}
	};

	const practice = async (study) => {
		const data = await loadIndex();
		if (!data) return;
		const byId = Object.fromEntries(data.questions.map((x) => [x.id, x]));
		const form = document.querySelector(".qb-practice");
		const note = form.querySelector(".qb-status");
		const boxes = [...form.querySelectorAll("[type=checkbox]")];
		const { level, concept, size } = form.elements;
		form.onclick = (e) => {
			const only = e.target.dataset.only;
			if (only != null) boxes.forEach((b) => (b.checked = !only || b.value === only));
		};
		const set = el("div", "qb-set");
		study.replaceChildren(form, set);

		const begin = (ids) => {
			const url = new URL(location.href);
			url.search = `?set=${ids.join(",")}`;
			url.hash = "";
			history.pushState(history.state, "", url);
			run();
		};
		form.addEventListener("submit", (event) => {
			event.preventDefault();
			const chosen = boxes.filter((b) => b.checked).map((b) => b.value);
			const pool = shuffle(
				data.questions.filter((x) => chosen.includes(x.topic) && (!level.value || x.level === level.value) && (!concept.value || x.concepts?.includes(concept.value))),
			);
			if (!pool.length) {
				note.textContent = chosen.length ? "No questions match these choices: widen them." : "Choose at least one topic.";
				return;
			}
			begin(pool.slice(0, size.value).map((x) => x.id));
		});
		const run = () => {
			const ids = (new URLSearchParams(location.search).get("set") || "").split(",").filter((id) => byId[id]);
			form.hidden = !!ids.length;
			if (!ids.length) return set.replaceChildren();
			const s = sets()[ids] || { ids, r: {}, i: 0 };
			const items = ids.map((id) => byId[id]);
			const share = el("p", {}, "A link to this set, the same questions in the same order: ", el("a", { href: location.href, class: "qb-share" }, "share this set"), ".");
			const stage = el("div", "qb-stage");
			set.replaceChildren(share, stage);
			runner(data, stage, items, Math.min(s.i || 0, ids.length), {
				heading: (section, i, h) => {
					h?.prepend(`Question ${i + 1} of ${ids.length}: `);
					section.querySelector?.(".qb-meta")?.prepend(el("span", "qb-topic", titles(data)[items[i].topic]), " ");
				},
				result: (id, r) => {
					s.r[id] ||= r;
					keep(s);
				},
				save: (i) => keep(Object.assign(s, { i })),
				end: () => score(stage, items, s.r),
			});
		};
		const score = (stage, items, r) => {
			const right = items.filter((x) => RIGHT.includes(r[x.id]));
			const misses = items.filter((x) => !RIGHT.includes(r[x.id]));
			const h = el("h2", { tabIndex: -1 }, "Your score");
			const byTopic = data.topics
				.map((t) => [t, items.filter((x) => x.topic === t.slug)])
				.filter(([, xs]) => xs.length)
				.map(([t, xs]) => el("li", {}, `${t.title}: ${xs.filter((x) => right.includes(x)).length} of ${xs.length} right`));
			const skipped = misses.filter((x) => !r[x.id]).length;
			const retry = button("Retry the misses", "qb-button--primary", () => begin(misses.map((x) => x.id)));
			stage.replaceChildren(
				el("div", "qb-result", h,
					el("p", "qb-score", `${right.length} of ${items.length} right, ${misses.length - skipped} wrong, ${skipped} skipped.`),
					el("p", {}, "By topic:"),
					el("ul", {}, ...byTopic),
					...(misses.length ? [el("p", {}, "Questions to look at again:"), el("ul", {}, ...misses.map((x) => el("li", {}, link(data, x), ` (${r[x.id] ? LABEL[r[x.id]].toLowerCase() : "skipped"})`)))] : [el("p", {}, "No misses: well done.")]),
					...(misses.length ? [retry] : []),
					button("A new set", "", () => {
						history.pushState(history.state, "", location.pathname);
						run();
						form.querySelector("input")?.focus();
					}),
				),
			);
			h.focus();
		};
		addEventListener("popstate", () => study.isConnected && run());
		run();
	};
	const home = async (box) => {
		const data = await loadIndex();
		if (!data) return;
		box.hidden = false;
		document.querySelector(".md-content h1")?.after(box);
		view(() => {
			const q = read().q;
			const qs = data.questions;
			const latest = qs.reduce((a, x) => (q[x.id] && (!a || q[x.id].t > q[a.id].t) ? x : a), null);
			const from = latest ? qs.indexOf(latest) : 0;
			const next = [...qs.slice(from), ...qs.slice(0, from)].find((x) => !q[x.id]);
			const n = dueList(data).length;
			box.replaceChildren(
				el("p", {}, `${plural(n, "question")} due for review. `, ...(n ? [el("a", { href: new URL("review/", root).href }, "Review them now")] : [])),
				...(next ? [el("p", {}, latest ? "Continue where you left off: " : "Start here: ", link(data, next))] : []),
			);
		});
	};
	const header = () => {
		const spot = document.querySelector(".md-header__inner .md-search");
		const a = document.querySelector(".qb-duecount") || el("a", { class: "qb-duecount", href: new URL("review/", root).href });
		const show = (data) => data && spot && ((a.textContent = `Review: ${dueList(data).length} due`), a.isConnected || spot.before(a));
		view(() => (Object.keys(read().q).length ? loadIndex().then(show) : show({ questions: [] })));
	};
	addEventListener(
		"keydown",
		(e) => {
			const t = e.target;
			if (e.ctrlKey || e.metaKey || e.altKey || t.closest?.("textarea, select, [contenteditable], input:not([type=radio], [type=checkbox])")) return;
			const section = t.closest?.(".qb-question") || document.querySelector(".qb-stage .qb-question");
			const inputs = section ? [...section.querySelectorAll(".qb-option input")] : [];
			const nextButton = document.querySelector(".qb-next");
			let act;
			if (/^[1-9]$/.test(e.key) && inputs[e.key - 1]) act = () => !inputs[e.key - 1].disabled && (inputs[e.key - 1].click(), inputs[e.key - 1].focus());
			else if (e.key === "Enter" && inputs.includes(t)) act = () => section.querySelector(".qb-check:not([hidden])")?.click();
			else if (/^n$/i.test(e.key) && nextButton) act = () => nextButton.click();
			if (!act) return;
			e.preventDefault();
			e.stopPropagation();
			act();
		},
		true,
	);

	let near;
	const ready = (section) => {
		const focus = document.activeElement;
		enhance(section);
		if (focus !== document.activeElement) focus?.focus();
	};
	const QS = ".md-content .qb-question";
	addEventListener("focusin", (e) => {
		const section = e.target.closest?.(QS);
		if (section) ready(section);
	});
	addEventListener("beforeprint", () => document.querySelectorAll(QS).forEach(ready));

	const init = () => {
		const main = document.querySelector(".md-content") || document.body;
		if (main.dataset.qbInit || !main.querySelector(SRC)) return;
		main.dataset.qbInit = "1";
		views = [];
		const sections = [...main.querySelectorAll("section.qb-question")];
		near?.disconnect();
		near = new IntersectionObserver((seen) => seen.forEach((e) => e.isIntersecting && ready(e.target)), {
			rootMargin: "100% 0px",
		});
		sections.forEach((section) => near.observe(section));
		const ids = sections.map((s) => s.dataset.qid);
		const box = main.querySelector(".qb-progress");
		if (box && sections.length) progress(box, ids);
		marks();
		const study = main.querySelector("[data-qb-study]");
		const report = (e) => console.error("self-check:", e);
		header();
		if (study) ({ review, practice, home })[study.dataset.qbStudy](study).catch(report);
		else if (!sections.length) overview(main).catch(report);
		const target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
		const question = target?.closest(".qb-question");
		if (question) {
			sections.slice(0, sections.indexOf(question) + 1).forEach(ready); // the ones above would push it down
			target.scrollIntoView();
			requestAnimationFrame(() => target.scrollIntoView()); // after Material's own scroll to the hash
		}
	};
	const start = () => {
		try {
			init();
		} catch (e) {
			console.error("self-check:", e);
		}
	};
	window.document$ ? document$.subscribe(start) : start();
})();
