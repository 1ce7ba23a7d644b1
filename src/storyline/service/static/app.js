// storyline's reader page: the stories, a story's page, and a box that summarizes pasted articles.
// Article text only ever reaches the page as text (textContent / text nodes), never as HTML.
"use strict";

(() => {
  const $ = (id) => document.getElementById(id);

  // An element with attributes and children; strings become text nodes (never parsed as HTML).
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === "class") node.className = value;
      else if (name === "text") node.textContent = value;
      else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
      else node.setAttribute(name, value === true ? "" : String(value));
    }
    for (const child of children.flat()) {
      if (child !== null && child !== undefined && child !== false) node.append(child);
    }
    return node;
  }

  // Only web links become links: never javascript: or data: addresses from an article.
  function safeUrl(url) {
    if (typeof url !== "string" || !/^https?:\/\//i.test(url.trim())) return null;
    try { return new URL(url.trim()).href; } catch { return null; }
  }

  function externalLink(url, label) {
    const href = safeUrl(url);
    return href ? el("a", { href, class: "ext", rel: "noopener noreferrer nofollow", target: "_blank" }, label) : null;
  }

  function setStatus(node, message, kind) {
    node.textContent = message || "";
    node.className = "status" + (kind ? " " + kind : "");
  }

  async function api(path, options) {
    const init = Object.assign({ headers: { Accept: "application/json" } }, options || {});
    if (init.body) init.headers["Content-Type"] = "application/json";
    let response;
    try {
      response = await fetch(path, init);
    } catch {
      throw new Error("The service cannot be reached.");
    }
    let data = null;
    try { data = await response.json(); } catch { data = null; }
    if (!response.ok) {
      const error = new Error((data && data.message) || `The service answered HTTP ${response.status}.`);
      error.status = response.status;
      error.requestId = data && data.request_id;
      error.mergedInto = data && data.merged_into;
      throw error;
    }
    return data;
  }

  function errorText(error) {
    return error.requestId ? `${error.message} (request ${error.requestId})` : error.message;
  }

  function formatDate(value) {
    if (!value) return "";
    const date = new Date(value);
    if (Number.isNaN(date.getTime())) return value;
    const withTime = /T\d\d:\d\d/.test(value);
    return date.toLocaleString(undefined, withTime
      ? { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" }
      : { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });
  }

  function formatDay(value) {
    if (!value) return "";
    const date = new Date(value);
    if (Number.isNaN(date.getTime())) return value;
    return date.toLocaleDateString(undefined, /T\d\d:\d\d/.test(value)
      ? { year: "numeric", month: "short", day: "numeric" }
      : { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });
  }

  function dayRange(first, last) {
    const [from, to] = [formatDay(first), formatDay(last)];
    return from && to && from !== to ? `${from} – ${to}` : from || to;
  }

  // The day of the article each sentence is taken from, when they come from two days or more, all known (else
  // "" for every sentence), as the command line heads a summary's paragraphs.
  function byDay(sentences, docs) {
    const days = sentences.map((s) => {
      const doc = (s.sources.length && docs[s.sources[0].doc]) || {};
      return doc.day || (doc.published || "").slice(0, 10);  // a story page gives each article's day as ISO
    });
    const dated = days.every((day) => /^\d{4}-\d\d-\d\d$/.test(day)) && new Set(days).size > 1;
    return dated ? days : days.map(() => "");
  }

  const plural = (n, word, many) => `${n} ${n === 1 ? word : many || word + "s"}`;

  // Citations after a sentence, a quote or a date: the first MAX_CITATIONS, then a button that shows the others
  // (and takes the focus to the first of them).
  const MAX_CITATIONS = 8;
  function capped(nodes, separator) {
    const joined = (list) => list.flatMap((node, i) => (i && separator ? [separator, node] : [node]));
    if (nodes.length <= MAX_CITATIONS) return joined(nodes);
    const hidden = nodes.length - MAX_CITATIONS;
    const more = el("button", { type: "button", class: "linklike more-cites", title: `Show ${plural(hidden, "more source")}` },
      `+${hidden}`);
    more.addEventListener("click", () => {
      if (more.parentElement.classList.contains("cites")) more.parentElement.classList.add("all-cites");  // may wrap now
      more.replaceWith(...joined(nodes.slice(MAX_CITATIONS)));
      nodes[MAX_CITATIONS].focus();
    });
    return [...joined(nodes.slice(0, MAX_CITATIONS)), ...(separator ? [separator] : []), more];
  }

  // Source offsets count code points (Python characters); JavaScript strings count UTF-16 units.
  function unitOffset(text) {
    if (!/[\uD800-\uDFFF]/.test(text)) return (i) => i;
    const units = [];
    let at = 0;
    for (const ch of text) { units.push(at); at += ch.length; }
    units.push(at);
    return (i) => units[Math.max(0, Math.min(i, units.length - 1))];
  }

  function docLabel(doc, number) {
    if (doc.title) return doc.title;
    const first = (doc.text || "").trim().split("\n")[0];
    if (first) return first.length > 90 ? first.slice(0, 88).replace(/\s+\S*$/, "") + "…" : first;
    return doc.id || `Article ${number}`;
  }

  // A document's source number: the story page's (in the order the page first cites it), else its place + 1.
  const numberOf = (docs, index) => (docs[index] && docs[index].number) || index + 1;

  function docOutlet(doc) {
    if (doc.outlet) return doc.outlet;
    if (doc.source) return doc.source;
    const href = safeUrl(doc.url);
    return href ? new URL(href).hostname.replace(/^www\./, "") : "";
  }

  // The pane that shows one source article with a highlighted passage. On a phone it slides up from the
  // bottom (Escape or the close button puts it away); on a wide screen it stands beside the text.
  class SourcePane {
    static active = null;

    constructor(node, docs) {
      this.node = node;
      this.docs = docs;
      this.returnFocus = null;
      node.replaceChildren(el("p", { class: "pane-empty" },
        "Select a citation number to read the cited sentence in its article."));
      node.classList.remove("open");
    }

    show(index, start, end, opener) {
      const doc = this.docs[index];
      if (!doc || typeof doc.text !== "string") return;
      const number = numberOf(this.docs, index);
      const text = doc.text;
      const at = unitOffset(text);
      const from = start === undefined ? 0 : at(start);
      const to = end === undefined ? 0 : at(end);
      const body = el("div", { class: "doc-text" });
      // An article of long lines and no blank one (a page's extracted text) has a paragraph a line: set them
      // apart (hard-wrapped text keeps its lines).
      const aLineEach = !text.includes("\n\n") && text.length / text.split("\n").length > 100;
      // A caption blanked out with spaces (so that offsets hold) leaves no hole: a line of spaces shows empty.
      const blankless = (part) => part.replace(/\n[ \t]+(?=\n|$)/g, "\n").replace(/^[ \t]+\n/, "\n").replace(/\n{3,}/g, "\n\n");
      const spaced = aLineEach ? (part) => blankless(part).replace(/\n/g, "\n\n") : blankless;
      let mark = null;
      if (to > from) {
        mark = el("mark", { tabindex: "-1", id: "highlight" }, spaced(text.slice(from, to)));
        body.append(spaced(text.slice(0, from)), mark, spaced(text.slice(to)));
      } else {
        body.append(spaced(text));
      }
      const close = el("button", { type: "button", class: "pane-close", "aria-label": "Close the article" }, "×");
      close.addEventListener("click", () => this.close());
      const meta = [docOutlet(doc), formatDate(doc.published)].filter(Boolean).join(" · ");
      this.node.replaceChildren(
        el("div", { class: "pane-head" },
          el("span", { class: "num", "aria-hidden": "true" }, String(number)),
          el("div", { class: "pane-title" },
            el("h3", { id: "pane-title" }, docLabel(doc, number)),
            el("p", { class: "meta" }, meta, meta && safeUrl(doc.url) ? " · " : "", externalLink(doc.url, "original\u00a0↗"))),
          close),
        body);
      this.node.setAttribute("aria-labelledby", "pane-title");
      this.node.classList.add("open");
      this.returnFocus = opener || null;
      SourcePane.active = this;
      const target = mark || body;
      requestAnimationFrame(() => {
        target.scrollIntoView({ block: mark ? "center" : "start", behavior: "smooth" });
        if (mark) mark.focus({ preventScroll: true });
      });
    }

    showQuote(index, quote, opener) {
      const doc = this.docs[index];
      if (!doc || typeof doc.text !== "string") return;
      const found = doc.text.indexOf(quote);
      if (found < 0) { this.show(index, undefined, undefined, opener); return; }
      // indexOf counts UTF-16 units already: pass code point offsets that map back to them.
      const points = Array.from(doc.text.slice(0, found)).length;
      this.show(index, points, points + Array.from(quote).length, opener);
    }

    close() {
      if (!this.node.classList.contains("open")) return;
      this.node.classList.remove("open");
      document.querySelectorAll(".sentence.active, .cite.active").forEach((n) => n.classList.remove("active"));
      if (this.returnFocus) this.returnFocus.focus();
    }
  }

  // A summary: its sentences, each followed by a citation per article that reports it (first the one it
  // is quoted from), then the list of cited articles.
  function renderSummary(container, summary, docs, pane) {
    container.replaceChildren();
    if (summary.answered === false) {
      const query = summary.query.trim();
      const stop = /[?!.]$/.test(query) ? "" : ".";
      container.append(el("p", { class: "notice" }, `The articles do not answer “${query}”${stop} What they report:`));
    }
    const text = el("div", { class: "summary-text" });
    const days = byDay(summary.sentences, docs);
    let paragraph = null;
    summary.sentences.forEach((sentence, i) => {
      if (!paragraph || days[i] !== days[i - 1]) {  // of a story told over days, a paragraph a day
        paragraph = el("p", {}, days[i] ? el("strong", { class: "day" }, `${formatDay(days[i])} — `) : null);
        text.append(paragraph);
      }
      const span = el("span", { class: "sentence", id: `${container.id}-s${i}` }, sentence.text);
      const cites = el("span", { class: "cites" }, "\u2060");  // a word joiner: the citations never start a line
      const refs = [...sentence.sources].sort((a, b) => numberOf(docs, a.doc) - numberOf(docs, b.doc));
      const links = [];
      for (const ref of refs) {
        const doc = docs[ref.doc] || {};
        const number = numberOf(docs, ref.doc);
        const name = docOutlet(doc) || docLabel(doc, number);
        const link = el("a", { class: "cite", href: "#highlight", "aria-label": `Source ${number}: ${name}`, title: name },
          String(number));
        link.addEventListener("click", (event) => {
          event.preventDefault();
          document.querySelectorAll(".sentence.active, .cite.active").forEach((n) => n.classList.remove("active"));
          span.classList.add("active");
          link.classList.add("active");
          pane.show(ref.doc, ref.start, ref.end, link);
        });
        links.push(link);
      }
      cites.append(...capped(links));
      paragraph.append(span, cites, " ");
    });
    container.append(text);
    const cited = [...new Set(summary.sentences.flatMap((s) => s.sources.map((r) => r.doc)))]
      .sort((a, b) => numberOf(docs, a) - numberOf(docs, b));
    container.append(el("p", { class: "summary-meta muted" },
      `${plural(summary.words, "word")} · ${plural(summary.sentences.length, "sentence")} · cites ${plural(cited.length, "article")}`));
    const list = el("ol", { class: "sources", "aria-label": "Cited articles" });
    for (const index of cited) {
      const doc = docs[index] || {};
      const number = numberOf(docs, index);
      const open = el("button", { type: "button", class: "linklike" }, docLabel(doc, number));
      open.addEventListener("click", () => pane.show(index, undefined, undefined, open));
      const meta = [docOutlet(doc), formatDate(doc.published)].filter(Boolean).join(" · ");
      list.append(el("li", { value: number }, open, meta ? el("span", { class: "muted" }, ` — ${meta}`) : null,
        safeUrl(doc.url) ? " " : null, externalLink(doc.url, "↗")));
    }
    container.append(list);
  }

  // Home: the latest day's stories (or all of them), largest first.
  async function loadStories(all) {
    const status = $("stories-status");
    const list = $("story-list");
    const toggle = $("stories-toggle");
    try {
      const data = await api(all ? "/stories?limit=50" : "/stories?limit=30&days=1");
      list.replaceChildren();
      const newest = data.newest ? new Date(data.newest) : null;
      const today = newest && newest.toDateString() === new Date().toDateString();
      $("stories-heading").textContent = all ? "All stories" : today || !newest ? "Today's stories" : "Latest stories";
      toggle.replaceChildren(el("a", { href: all ? "/" : "/?all=1" }, all ? "Latest only" : "All stories"));
      if (!data.stories.length) {
        setStatus(status, "No stories yet. Articles arrive through POST /articles (see the API) or `storyline stories add`.");
        return;
      }
      setStatus(status, "");
      const scope = !all && newest && !today ? `up to ${formatDay(data.newest)} · ` : "";
      $("stories-count").textContent = `${scope}${data.total > data.stories.length
        ? `${data.stories.length} of ${data.total}` : plural(data.total, "story", "stories")}, largest first`;
      for (const story of data.stories) {
        const outlets = story.outlets.slice(0, 3).join(", ") + (story.outlets.length > 3 ? ` and ${story.outlets.length - 3} more` : "");
        const when = dayRange(story.first_seen, story.last_seen);
        list.append(el("li", { class: "story-item" },
          el("span", { class: "count", title: plural(story.articles, "article") }, String(story.articles),
            el("small", {}, story.articles === 1 ? "article" : "articles")),
          el("div", {},
            el("a", { href: `/story/${Number(story.story)}`, class: "headline" }, story.headline || `Story ${story.story}`),
            el("p", { class: "meta" }, [outlets, when].filter(Boolean).join(" · ")))));
      }
    } catch (error) {
      setStatus(status, `Stories cannot be shown: ${errorText(error)}`, "error");
    }
  }

  // What the paste box holds: a JSON cluster, or articles separated by "---" lines, and web addresses.
  function parsePaste(raw) {
    const trimmed = raw.trim();
    if (/^[[{]/.test(trimmed)) {
      try {
        const data = JSON.parse(trimmed);
        if (Array.isArray(data)) return { documents: data, urls: [] };
        if (data && Array.isArray(data.documents)) {
          const request = { documents: data.documents, urls: Array.isArray(data.urls) ? data.urls : [] };
          if (typeof data.query === "string" && data.query) request.query = data.query;
          if (Array.isArray(data.previous)) request.previous = data.previous;
          return request;
        }
      } catch { /* not JSON: read as text */ }
    }
    const documents = [];
    const urls = [];
    for (const block of trimmed.split(/^\s*(?:-{3,}|\|{5})\s*$|\|{5}/m)) {
      const lines = block.split("\n").map((line) => line.trim()).filter(Boolean);
      if (!lines.length) continue;
      if (lines.every((line) => /^https?:\/\/\S+$/i.test(line))) urls.push(...lines);
      else documents.push(block.trim());
    }
    return { documents, urls };
  }

  async function summarizePaste(event) {
    event.preventDefault();
    const status = $("summarize-status");
    const result = $("summarize-result");
    const request = parsePaste($("summarize-input").value);
    if (!request.documents.length && !request.urls.length) {
      setStatus(status, "Paste at least one article or web address.", "error");
      return;
    }
    const words = parseInt($("summarize-words").value, 10);
    if (!Number.isNaN(words)) request.words = words;
    const query = $("summarize-query").value.trim();
    if (query) request.query = query;
    const button = $("summarize-button");
    button.disabled = true;
    setStatus(status, request.urls.length ? "Fetching the pages and summarizing…" : "Summarizing…", "busy");
    try {
      const summary = await api("/summarize?texts=true", { method: "POST", body: JSON.stringify(request) });
      const docs = summary.documents.map((doc, i) => Object.assign({}, doc, { text: summary.texts[i] }));
      const layout = el("div", { class: "reading" });
      const main = el("div", { class: "reading-main", id: "paste-summary" });
      const paneNode = el("aside", { class: "pane", "aria-label": "Source article" });
      layout.append(main, paneNode);
      result.replaceChildren(el("h3", { class: "result-heading" }, "Summary"), layout);
      renderSummary(main, summary, docs, new SourcePane(paneNode, docs));
      setStatus(status, `Summarized ${plural(docs.length, "article")}.`);
    } catch (error) {
      result.replaceChildren();
      setStatus(status, errorText(error), "error");
    } finally {
      button.disabled = false;
    }
  }

  // A story's page.
  async function loadStory(id) {
    const status = $("story-status");
    setStatus(status, "Summarizing the story…", "busy");
    try {
      const page = await api(`/stories/${id}`);
      renderStory(page);
      setStatus(status, "");
    } catch (error) {
      if (error.mergedInto) {
        location.replace(`/story/${Number(error.mergedInto)}`);
        return;
      }
      $("story-title").textContent = error.status === 404 ? "No such story" : "The story cannot be shown";
      setStatus(status, errorText(error), "error");
    }
  }

  function renderStory(page) {
    document.title = `${page.headline || "Story " + page.story} — storyline`;
    $("story-title").textContent = page.headline || `Story ${page.story}`;
    $("story-meta").textContent = [plural(page.articles, "article"), page.outlets.length ? plural(page.outlets.length, "outlet") : "",
      dayRange(page.first_seen, page.last_seen)].filter(Boolean).join(" · ");
    $("story-outlets").replaceChildren(...page.outlets.map((name) => el("li", { class: "chip" }, name)));
    const docs = page.documents;
    const pane = new SourcePane($("story-pane"), docs);
    const summary = $("story-summary");
    if (page.summary) renderSummary(summary, page.summary, docs, pane);
    else summary.replaceChildren(el("p", { class: "muted" }, page.summary_error
      ? "No summary: the articles hold no sentence to summarize." : "Nothing to summarize."));

    // A button per document that quotes or dates it, showing the passage in the pane.
    const inOrder = (indexes) => [...indexes].sort((a, b) => numberOf(docs, a) - numberOf(docs, b));
    const sourceButtons = (indexes, passage, asNumbers) => inOrder(indexes && indexes.length ? indexes : []).map((index) => {
      const doc = docs[index] || {};
      const number = numberOf(docs, index);
      const name = docOutlet(doc) || docLabel(doc, number);
      const button = asNumbers
        ? el("button", { type: "button", class: "cite", "aria-label": `Source ${number}: ${name}`, title: name }, String(number))
        : el("button", { type: "button", class: "linklike" }, name);
      button.addEventListener("click", () => pane.showQuote(index, passage, button));
      return button;
    });

    const quotes = $("story-quotes");
    quotes.replaceChildren();
    for (const quote of page.quotes) {
      const buttons = sourceButtons(quote.docs && quote.docs.length ? quote.docs : [quote.doc], quote.text, false);
      const sources = capped(buttons, ", ");
      quotes.append(el("li", {}, el("blockquote", {}, `“${quote.text}”`),
        el("p", { class: "meta" }, `— ${quote.speaker}, in `, sources)));
    }
    $("quotes-section").hidden = !page.quotes.length;

    const timeline = $("story-timeline");
    timeline.replaceChildren();
    for (const event of page.timeline) {
      const buttons = sourceButtons(event.docs && event.docs.length ? event.docs : [event.doc], event.sentence, true);
      timeline.append(el("li", {}, el("span", { class: "date" }, event.when || event.date),
        el("span", {}, event.sentence, " ", ...capped(buttons))));
    }
    $("timeline-section").hidden = !page.timeline.length;

    const coverage = $("story-coverage");
    coverage.replaceChildren();
    for (const group of page.coverage) {
      const items = el("ul", {});
      for (const article of group.items) {
        const label = article.title || article.id;
        items.append(el("li", {}, externalLink(article.url, label) || label,
          article.published ? el("span", { class: "muted" }, ` · ${formatDate(article.published)}`) : null,
          article.copy_of ? el("span", { class: "tag", title: `a copy of ${article.copy_of}` }, "copy") : null));
      }
      const counts = group.articles || !group.copies ? [plural(group.articles, "article")] : [];  // not "0 articles, 1 copy"
      if (group.copies) counts.push(plural(group.copies, "copy", "copies"));
      coverage.append(el("li", {}, el("strong", {}, group.outlet || "No outlet named"), el("span", { class: "muted" }, ` · ${counts.join(", ")}`), items));
    }
    $("story-body").hidden = false;
  }

  async function showNews(event, id) {
    event.preventDefault();
    const reader = $("news-reader").value.trim();
    const status = $("news-status");
    const result = $("news-result");
    if (!reader) { setStatus(status, "Give your name, so that the next look shows only what is new.", "error"); return; }
    try { localStorage.setItem("storyline.reader", reader); } catch { /* private mode */ }
    setStatus(status, "Looking for what is new…", "busy");
    try {
      const page = await api(`/stories/${id}/new?reader=${encodeURIComponent(reader)}`);
      const pane = new SourcePane($("story-pane"), page.documents);
      const main = el("div", { id: "news-summary" });
      result.replaceChildren(main);
      if (!page.summary) {
        setStatus(status, "Nothing new since your last look.");
        return;
      }
      setStatus(status, page.update ? `${plural(page.new_articles, "new article")} since your last look:` : "Your first look: the whole story.");
      renderSummary(main, page.summary, page.documents, pane);
    } catch (error) {
      setStatus(status, errorText(error), "error");
    }
  }

  function start() {
    const match = location.pathname.match(/^\/story\/(\d+)\/?$/);
    document.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && SourcePane.active) SourcePane.active.close();
    });
    if (match) {
      const id = match[1];
      $("story-view").hidden = false;
      let reader = "";
      try { reader = localStorage.getItem("storyline.reader") || ""; } catch { /* private mode */ }
      $("news-reader").value = reader;
      $("news-form").addEventListener("submit", (event) => showNews(event, id));
      loadStory(id);
      return;
    }
    $("home-view").hidden = false;
    $("summarize-form").addEventListener("submit", summarizePaste);
    $("summarize-input").addEventListener("keydown", (event) => {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) $("summarize-form").requestSubmit();
    });
    loadStories(new URLSearchParams(location.search).has("all"));
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
