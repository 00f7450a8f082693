/* The briefing pack (issue 16): charts added from their Download menus, kept in this browser, listed in a dialog where
   they are reordered, removed and the pack titled, and written in the browser as a PowerPoint file (one slide per
   chart, with speaker notes) or as a ZIP of slide images and data files.

   What a chart's slide needs is captured when it is added (the view changes afterwards): its pictures, drawn as the
   slide images of its Download menu are (assets/dashboard.js, lacSlides), and its texts from the page meta the server
   wrote (core/web/exports.py, image_meta). The pack lives in IndexedDB (twenty slide images exceed localStorage) and
   never reaches the server; the ZIP fetches each chart's data files from its data links, pinned to the edition it was
   added with. The writers (JSZip and PptxGenJS: assets/vendor/) are loaded on the first download only.
   Words come from the message catalog (components/pack.py, the pack-texts store). */
(function () {
  "use strict";

  var DB_NAME = "lac-briefing-pack";
  var ITEMS = "items";  // one record per chart: its texts and pictures
  var PACK = "pack";  // one record, PACK_KEY: the pack's title and the order of its charts
  var PACK_KEY = "pack";
  var SLIDE_W = 13.333, SLIDE_H = 7.5;  // inches: PptxGenJS's LAYOUT_WIDE (16:9)
  var MARGIN = 0.45;
  var BRAND = "0B3C5D", INK = "1F2933", MUTED = "52606D";  // assets/style.css
  var OFFICE_LANG = { en: "en-US", es: "es-ES", pt: "pt-BR", fr: "fr-FR" };
  var TOAST_MS = 6000;

  var count = null;  // charts in the pack, as last read
  var busy = false;  // a file is being written
  var toastTimer = null;
  var thumbnails = [];  // object URLs of the dialog's pictures, revoked when it is drawn again

  // --- words -------------------------------------------------------------------------------------------------

  function fill(text, values) {
    return String(text || "").replace(/\{(\w+)\}/g, function (all, name) {
      return values && values[name] !== undefined ? String(values[name]) : all;
    });
  }

  function plural(words, key, n) {
    var form = new Intl.PluralRules(words.lang).select(n);
    return fill(words[key + "_" + form] || words[key + "_other"], { count: n });
  }

  function labelled(words, label, text) {  // "Label: text" with the language's spacing (French: U+202F)
    return fill(words.note_line, { label: label, text: text });
  }

  function longDate(iso, lang) {
    var date = iso ? new Date(iso) : new Date();
    return new Intl.DateTimeFormat(lang, { year: "numeric", month: "long", day: "numeric" }).format(date);
  }

  // --- storage -----------------------------------------------------------------------------------------------

  var opening = null;
  function database() {
    if (!opening) {
      opening = new Promise(function (resolve, reject) {
        if (!window.indexedDB) { reject(new Error("IndexedDB is not available")); return; }
        var request = window.indexedDB.open(DB_NAME, 1);
        request.onupgradeneeded = function () {
          request.result.createObjectStore(ITEMS, { keyPath: "id" });
          request.result.createObjectStore(PACK);
        };
        request.onsuccess = function () { resolve(request.result); };
        request.onerror = function () { reject(request.error); };
      });
      opening.catch(function () { opening = null; });
    }
    return opening;
  }

  /* One transaction over both stores: `work(items, pack, done)` queues requests and calls done(result); the promise
     resolves with that result once the transaction has committed. */
  function transaction(mode, work) {
    return database().then(function (db) {
      return new Promise(function (resolve, reject) {
        var tx = db.transaction([ITEMS, PACK], mode);
        var result;
        tx.oncomplete = function () { resolve(result); };
        tx.onerror = tx.onabort = function () { reject(tx.error || new Error("transaction aborted")); };
        work(tx.objectStore(ITEMS), tx.objectStore(PACK), function (value) { result = value; });
      });
    });
  }

  function withPack(packStore, then) {
    var request = packStore.get(PACK_KEY);
    request.onsuccess = function () { then(request.result || { title: "", order: [] }); };
  }

  // The pack: its title and its charts in order (a chart whose record went missing is dropped from the order).
  function readPack() {
    return transaction("readonly", function (items, pack, done) {
      withPack(pack, function (record) {
        var request = items.getAll();
        request.onsuccess = function () {
          var byId = {};
          request.result.forEach(function (item) { byId[item.id] = item; });
          var charts = record.order.map(function (id) { return byId[id]; }).filter(Boolean);
          done({ title: record.title || "", items: charts });
        };
      });
    });
  }

  function sameView(a, b) {
    return a.chart === b.chart && a.address === b.address && a.lang === b.lang;
  }

  // Adds `item` unless the pack is full or holds the same chart of the same view; resolves with what happened.
  function store(item, max) {
    return transaction("readwrite", function (items, pack, done) {
      withPack(pack, function (record) {
        var all = items.getAll();
        all.onsuccess = function () {
          var kept = all.result.filter(function (one) { return record.order.indexOf(one.id) >= 0; });
          if (kept.some(function (one) { return sameView(one, item); })) { done({ outcome: "already" }); return; }
          if (record.order.length >= max) { done({ outcome: "full" }); return; }
          items.put(item);
          record.order = record.order.concat([item.id]);
          pack.put(record, PACK_KEY);
          done({ outcome: "added", count: record.order.length });
        };
      });
    });
  }

  function changeOrder(change) {
    return transaction("readwrite", function (items, pack, done) {
      withPack(pack, function (record) {
        var before = record.order.slice();
        record.order = change(record.order.slice());
        before.forEach(function (id) { if (record.order.indexOf(id) < 0) { items.delete(id); } });
        pack.put(record, PACK_KEY);
        done(record.order);
      });
    });
  }

  function saveTitle(title) {
    return transaction("readwrite", function (items, pack, done) {
      withPack(pack, function (record) {
        record.title = title;
        pack.put(record, PACK_KEY);
        done(title);
      });
    });
  }

  // --- the count in the header and the status line -------------------------------------------------------------

  function showCount() {
    var holder = document.getElementById("pack-count");
    if (holder && count !== null && holder.getAttribute("data-count") !== String(count)) {
      holder.textContent = "(" + count + ")";
      holder.setAttribute("data-count", String(count));
    }
  }

  function refreshCount() {
    return readPack().then(function (pack) { count = pack.items.length; showCount(); }, function () {});
  }

  function toast(text) {
    var line = document.getElementById("pack-status");
    if (!line) { return; }
    line.textContent = text;
    line.classList.add("show");
    window.clearTimeout(toastTimer);
    toastTimer = window.setTimeout(function () { line.classList.remove("show"); line.textContent = ""; }, TOAST_MS);
  }

  // --- adding a chart ----------------------------------------------------------------------------------------

  function dataUrlBlob(url) {
    var comma = url.indexOf(",");
    var head = url.slice(5, comma);  // after "data:"
    var body = url.slice(comma + 1);
    if (head.indexOf(";base64") < 0) { return new Blob([decodeURIComponent(body)], { type: head }); }
    var bytes = window.atob(body);
    var array = new Uint8Array(bytes.length);
    for (var i = 0; i < bytes.length; i++) { array[i] = bytes.charCodeAt(i); }
    return new Blob([array], { type: head.replace(";base64", "") });
  }

  function absolute(link) {
    return link ? new URL(link, window.location.href).href : "";
  }

  function newId() {
    return Date.now().toString(36) + "-" + Math.random().toString(36).slice(2, 10);
  }

  /* Everything a slide, its notes and the ZIP need, as the chart is now: its pictures, texts, address, language, data
     edition, sources and data links (absolute, pinned to the edition). */
  function capture(chart, meta) {
    var texts = meta.charts[chart];
    var address = window.location.href;
    return window.lacSlides.images(chart, meta).then(function (images) {
      var sources = (texts.sources || []).map(function (id) {
        return Object.assign({ id: id }, (meta.sources || {})[id]);
      });
      var files = {};
      Object.keys(texts.files || {}).forEach(function (name) { files[name] = absolute(texts.files[name]); });
      return {
        id: newId(),
        chart: chart,
        added: new Date().toISOString(),
        address: address,
        lang: meta.lang,
        edition: meta.edition,
        page: meta.title || "",
        title: texts.title,
        subtitle: texts.subtitle,
        source: texts.source.replace("{url}", address),
        description: texts.description || "",
        facts: texts.facts || [],
        numbers: texts.numbers || [],
        sources: sources,
        files: files,
        file: texts.file || chart,
        kind: texts.kind,
        png: dataUrlBlob(images.png),
        svg: dataUrlBlob(images.svg),
        picture: dataUrlBlob(images.picture),
        pictureSize: images.pictureSize
      };
    });
  }

  function add(chart, meta, words) {
    toast(words.adding);
    var max = words.max;
    return readPack()
      .then(function (pack) {
        if (pack.items.some(function (one) { return sameView(one, { chart: chart, address: window.location.href, lang: meta.lang }); })) {
          return { outcome: "already" };
        }
        if (pack.items.length >= max) { return { outcome: "full" }; }
        return capture(chart, meta).then(function (item) { return store(item, max); });
      }, function () { return { outcome: "unavailable" }; })
      .then(function (result) {
        if (result.outcome === "added") { count = result.count; showCount(); }
        toast(fill(words[result.outcome === "added" ? "added" : result.outcome], { count: result.count, max: max }));
        if (dialog() && dialog().open) { draw(words); }
      })
      .catch(function () { toast(words.add_failed); });
  }

  // --- the dialog --------------------------------------------------------------------------------------------

  function element(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      if (name === "text") { node.textContent = attributes.text; } else { node.setAttribute(name, attributes[name]); }
    });
    (children || []).forEach(function (child) { if (child) { node.appendChild(child); } });
    return node;
  }

  function dialog() {
    return document.getElementById("pack-dialog");
  }

  function progress(text) {
    var line = document.getElementById("pack-progress");
    if (line) { line.textContent = text; }
  }

  function build(words) {
    var title = element("input", {
      id: "pack-title", type: "text", class: "form-control", maxlength: "200", placeholder: words.default_title
    });
    var box = element("dialog", { id: "pack-dialog", class: "pack-dialog", "aria-labelledby": "pack-dialog-title" }, [
      element("div", { class: "pack-dialog-head" }, [
        element("h2", { id: "pack-dialog-title", text: words.button }),
        element("button", { type: "button", class: "btn-close", "data-action": "close", "aria-label": words.close })
      ]),
      element("p", { class: "pack-intro", text: fill(words.intro, { max: words.max }) }),
      element("label", { for: "pack-title", class: "form-label", text: words.title_label }),
      title,
      element("h3", { id: "pack-list-title", class: "pack-list-title", text: words.list_label }),
      element("p", { id: "pack-empty", class: "pack-empty", text: words.empty }),
      element("ol", { id: "pack-list", class: "pack-list", "aria-labelledby": "pack-list-title" }),
      element("div", { class: "pack-actions" }, [
        element("button", { type: "button", class: "btn btn-primary btn-sm", "data-action": "pptx", text: words.download_pptx }),
        element("button", { type: "button", class: "btn btn-outline-primary btn-sm", "data-action": "zip", text: words.download_zip }),
        element("button", { type: "button", class: "btn btn-outline-secondary btn-sm", "data-action": "clear", text: words.clear })
      ]),
      element("p", { id: "pack-progress", class: "pack-progress", role: "status", "aria-live": "polite" })
    ]);
    box.setAttribute("lang", words.lang);
    document.body.appendChild(box);
    var typing = null;
    title.addEventListener("input", function () {
      window.clearTimeout(typing);
      typing = window.setTimeout(function () { saveTitle(title.value.trim()); }, 300);
    });
    box.addEventListener("click", function (event) {
      var button = event.target.closest && event.target.closest("button[data-action]");
      if (button && box.contains(button)) { act(button, words); }
    });
    box.addEventListener("close", function () {
      var opener = document.getElementById("pack-open");
      if (opener) { opener.focus(); }
    });
    return box;
  }

  /* The list of charts, drawn anew from the store; `focus` names the button to focus afterwards ([item id, action]),
     so the keyboard stays on the chart just moved. */
  function draw(words, focus) {
    var box = dialog();
    return readPack().then(function (pack) {
      thumbnails.forEach(function (url) { URL.revokeObjectURL(url); });
      thumbnails = [];
      var title = document.getElementById("pack-title");
      if (document.activeElement !== title) { title.value = pack.title; }
      var list = document.getElementById("pack-list");
      var n = pack.items.length;
      list.replaceChildren.apply(list, pack.items.map(function (item, index) {
        var url = URL.createObjectURL(item.png);
        thumbnails.push(url);
        var meta = fill(words.item_meta, {
          language: words.languages[item.lang] || item.lang,
          edition: item.edition ? item.edition.name : "",
          date: longDate(item.added, words.lang)
        });
        function tool(action, text, name, disabled) {
          return element("button", {
            type: "button", class: "btn btn-outline-secondary btn-sm", "data-action": action, "data-item": item.id,
            "aria-label": fill(name, { title: item.title }), "aria-disabled": disabled ? "true" : "false", text: text
          });
        }
        return element("li", { class: "pack-item", "data-item": item.id }, [
          element("img", { class: "pack-thumb", src: url, alt: "" }),
          element("div", { class: "pack-item-text", lang: item.lang }, [
            element("p", { class: "pack-item-title", text: item.title }),
            element("p", { class: "pack-item-sub", text: item.subtitle })
          ]),
          element("p", { class: "pack-item-meta", text: meta }),
          element("div", { class: "pack-item-tools" }, [
            tool("up", "\u2191", words.move_up, index === 0),
            tool("down", "\u2193", words.move_down, index === n - 1),
            tool("remove", words.remove_short, words.remove, false)
          ])
        ]);
      }));
      document.getElementById("pack-empty").hidden = n > 0;
      list.hidden = n === 0;
      box.querySelectorAll(".pack-actions button").forEach(function (button) {
        button.setAttribute("aria-disabled", busy || n === 0 ? "true" : "false");
      });
      count = n;
      showCount();
      if (focus) {
        var target = box.querySelector('button[data-item="' + focus[0] + '"][data-action="' + focus[1] + '"]');
        if (target && target.getAttribute("aria-disabled") === "true") {
          target = box.querySelector('button[data-item="' + focus[0] + '"][data-action="' + (focus[1] === "up" ? "down" : "up") + '"]');
        }
        (target || document.getElementById("pack-title")).focus();
      }
      return pack;
    });
  }

  function act(button, words) {
    var action = button.getAttribute("data-action");
    if (action === "close") { dialog().close(); return; }
    if (button.getAttribute("aria-disabled") === "true") { return; }
    var id = button.getAttribute("data-item");
    var title = button.closest("li") ? button.closest("li").querySelector(".pack-item-title").textContent : "";
    if (action === "up" || action === "down") {
      var step = action === "up" ? -1 : 1;
      changeOrder(function (order) {
        var at = order.indexOf(id), to = at + step;
        if (at < 0 || to < 0 || to >= order.length) { return order; }
        order.splice(at, 1);
        order.splice(to, 0, id);
        return order;
      }).then(function (order) {
        return draw(words, [id, action]).then(function () {
          progress(fill(words.moved, { title: title, position: order.indexOf(id) + 1, count: order.length }));
        });
      });
    } else if (action === "remove") {
      var next = button.closest("li").nextElementSibling || button.closest("li").previousElementSibling;
      var nextId = next ? next.getAttribute("data-item") : null;
      changeOrder(function (order) { return order.filter(function (one) { return one !== id; }); })
        .then(function () { return draw(words, nextId ? [nextId, "remove"] : null); })
        .then(function () {
          progress(fill(words.removed, { title: title }));
          if (!nextId) { document.getElementById("pack-title").focus(); }
        });
    } else if (action === "clear") {
      if (!window.confirm(words.clear_confirm)) { return; }
      changeOrder(function () { return []; }).then(function () { return draw(words); }).then(function () {
        progress(words.cleared);
        document.getElementById("pack-title").focus();
      });
    } else if (action === "pptx" || action === "zip") {
      write(action, words);
    }
  }

  function open(words) {
    var box = dialog() || build(words);
    progress("");
    draw(words).then(function () {
      if (!box.open) { box.showModal(); }
      document.getElementById("pack-title").focus();
    }, function () {
      toast(words.unavailable);
    });
  }

  // --- writing the files -------------------------------------------------------------------------------------

  var loading = null;
  // JSZip, then PptxGenJS (which finds JSZip as a global): inserted scripts with async = false run in order.
  function loadWriter(urls) {
    if (window.PptxGenJS && window.JSZip) { return Promise.resolve(); }
    if (!loading) {
      loading = Promise.all(urls.map(function (url) {
        return new Promise(function (resolve, reject) {
          var script = document.createElement("script");
          script.src = url;
          script.async = false;
          script.onload = function () { resolve(); };
          script.onerror = function () { reject(new Error("the writer did not load")); };
          document.head.appendChild(script);
        });
      }));
      loading.catch(function () { loading = null; });
    }
    return loading;
  }

  function blobDataUrl(blob) {
    return new Promise(function (resolve, reject) {
      var reader = new FileReader();
      reader.onload = function () { resolve(reader.result); };
      reader.onerror = function () { reject(reader.error); };
      reader.readAsDataURL(blob);
    });
  }

  // A file name from the pack's title: ASCII letters and digits, accents dropped ("Migración" -> "Migracion").
  function fileStem(title) {
    var stem = title.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/[^A-Za-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "");
    if (stem.length > 60) { stem = stem.slice(0, 61).replace(/-[^-]*$/, "") || stem.slice(0, 60); }  // whole words
    return stem || "briefing-pack";
  }

  function save(blob, name) {
    var url = URL.createObjectURL(blob);
    // Inside the dialog: while it is open, the rest of the page is inert.
    var link = element("a", { href: url, download: name, hidden: "" });
    (dialog() || document.body).appendChild(link);
    link.click();
    link.remove();
    window.setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
  }

  function editions(items) {
    var seen = {};
    items.forEach(function (item) {
      if (item.edition) { seen[item.edition.id] = item.edition.name + " (" + item.edition.id + ")"; }
    });
    return Object.keys(seen).map(function (id) { return seen[id]; });
  }

  function languages(items, words) {
    var seen = [];
    items.forEach(function (item) { if (seen.indexOf(item.lang) < 0) { seen.push(item.lang); } });
    return seen.map(function (code) { return words.languages[code] || code; });
  }

  // Each source once, in the order the charts name them, with the numbers of the slides (or charts) that use it.
  function sourcesUsed(items, first) {
    var found = [], byId = {};
    items.forEach(function (item, index) {
      item.sources.forEach(function (source) {
        if (!byId[source.id]) { byId[source.id] = Object.assign({ used: [] }, source); found.push(byId[source.id]); }
        if (byId[source.id].used.indexOf(index + first) < 0) { byId[source.id].used.push(index + first); }
      });
    });
    return found;
  }

  function site() {
    return window.location.origin + "/";
  }

  /* The source line of a slide, its address a link: "Source: X. Data edition Y." / "Accessed Z. https://..." */
  function sourceRuns(item, size) {
    var base = { fontSize: size, color: MUTED, lang: OFFICE_LANG[item.lang] };
    var runs = [];
    item.source.split("\n").forEach(function (line, index, lines) {
      var at = line.indexOf(item.address);
      var parts = at >= 0 ? [[line.slice(0, at), null], [item.address, item.address], [line.slice(at + item.address.length), null]]
        : [[line, null]];
      parts = parts.filter(function (part) { return part[0]; });
      parts.forEach(function (part, which) {
        var options = Object.assign({}, base, part[1] ? { hyperlink: { url: part[1] } } : {});
        if (which === parts.length - 1 && index < lines.length - 1) { options.breakLine = true; }
        runs.push({ text: part[0], options: options });
      });
    });
    return runs;
  }

  // The speaker's notes: the key facts and main numbers (or, for a chart without data, what it says instead).
  function notes(item, words) {
    var parts = item.facts.length || item.numbers.length ? [] : [item.description, ""];
    if (item.facts.length) { parts.push(words.notes_facts, item.facts.map(function (s) { return "• " + s; }).join("\n"), ""); }
    if (item.numbers.length) { parts.push(words.notes_numbers, item.numbers.map(function (s) { return "• " + s; }).join("\n"), ""); }
    parts.push(labelled(words, words.label_address, item.address));
    return parts.join("\n");
  }

  function titleSlide(pptx, title, items, words) {
    var slide = pptx.addSlide({ masterName: "PACK_TITLE" });
    slide.addText(title, { placeholder: "title" });
    var lines = [
      longDate(null, words.lang),
      labelled(words, words.label_language, languages(items, words).join(", ")),
      labelled(words, words.label_edition, editions(items).join(", ")),
      plural(words, "count", items.length),
      fill(words.site, { site: site() })
    ];
    slide.addText(lines.map(function (line, index) {
      return { text: line, options: { breakLine: index < lines.length - 1 } };
    }), { x: 0.9, y: 4.05, w: SLIDE_W - 1.8, h: 2.4, fontSize: 18, color: MUTED, valign: "top", paraSpaceAfter: 4 });
  }

  function chartSlide(pptx, item, picture) {
    var lang = OFFICE_LANG[item.lang];
    var slide = pptx.addSlide({ masterName: "PACK_CHART" });
    slide.addText(item.title, { placeholder: "title", lang: lang });
    slide.addText(item.subtitle, {
      x: MARGIN, y: 1.08, w: SLIDE_W - 2 * MARGIN, h: 0.55, fontSize: 13, color: MUTED, valign: "top", lang: lang, fit: "shrink"
    });
    var width = SLIDE_W - 2 * MARGIN;
    var size = item.pictureSize || [2880, 1110];
    var height = Math.min(4.8, width * size[1] / size[0]);
    slide.addImage({
      data: picture.replace(/^data:/, ""), x: (SLIDE_W - height * size[0] / size[1]) / 2, y: 1.65,
      w: height * size[0] / size[1], h: height, altText: item.description || item.title
    });
    slide.addText(sourceRuns(item, 10), {
      x: MARGIN, y: 6.55, w: SLIDE_W - 2 * MARGIN, h: 0.75, valign: "top", fit: "shrink"
    });
    return slide;
  }

  function sourcesSlide(pptx, items, words) {
    var slide = pptx.addSlide({ masterName: "PACK_CHART" });
    slide.addText(words.sources_title, { placeholder: "title" });
    var found = sourcesUsed(items, 2);  // slide 1 is the title slide
    var size = found.length <= 3 ? 14 : found.length <= 5 ? 12 : found.length <= 8 ? 10.5 : 9;
    var runs = [{ text: words.sources_intro, options: { fontSize: size, color: MUTED, breakLine: true, paraSpaceAfter: 8 } }];
    found.forEach(function (source) {
      runs.push({ text: labelled(words, source.publisher, source.edition), options: { fontSize: size, bold: true, color: INK, breakLine: true } });
      runs.push({ text: labelled(words, words.label_licence, source.licence) + " (", options: { fontSize: size, color: INK } });
      runs.push({ text: source.licence_url, options: { fontSize: size, hyperlink: { url: source.licence_url } } });
      runs.push({ text: ")", options: { fontSize: size, color: INK, breakLine: true } });
      runs.push({
        text: labelled(words, plural(words, "slides", source.used.length), source.used.join(", ")),
        options: { fontSize: size, color: MUTED, breakLine: true, paraSpaceAfter: 8 }
      });
    });
    slide.addText(runs, { x: MARGIN, y: 1.2, w: SLIDE_W - 2 * MARGIN, h: 5.3, valign: "top", fit: "shrink" });
    slide.addText(fill(words.site, { site: site() }) + " · " + labelled(words, words.label_edition, editions(items).join(", ")), {
      x: MARGIN, y: 6.7, w: SLIDE_W - 2 * MARGIN, h: 0.4, fontSize: 10, color: MUTED
    });
    slide.addNotes(found.map(function (source) {
      return labelled(words, source.publisher, source.citation) + " " + source.url;
    }).join("\n\n"));
  }

  function masters(pptx) {
    var band = { rect: { x: 0, y: 0, w: "100%", h: 0.12, fill: { color: BRAND } } };
    pptx.defineSlideMaster({
      title: "PACK_TITLE",
      background: { color: "FFFFFF" },
      objects: [
        { rect: { x: 0, y: 0, w: "100%", h: 0.35, fill: { color: BRAND } } },
        { placeholder: { options: { name: "title", type: "title", x: 0.9, y: 1.6, w: SLIDE_W - 1.8, h: 2.2, fontSize: 36,
          bold: true, color: BRAND, align: "left", valign: "bottom", fit: "shrink" }, text: "" } }
      ]
    });
    pptx.defineSlideMaster({
      title: "PACK_CHART",
      background: { color: "FFFFFF" },
      objects: [
        band,
        { placeholder: { options: { name: "title", type: "title", x: MARGIN, y: 0.22, w: SLIDE_W - 2 * MARGIN, h: 0.85,
          fontSize: 24, bold: true, color: INK, align: "left", valign: "bottom", fit: "shrink" }, text: "" } }
      ],
      slideNumber: { x: SLIDE_W - 0.9, y: 7.05, w: 0.6, h: 0.3, fontSize: 9, color: MUTED, align: "right" }
    });
  }

  function pptxFile(pack, title, words) {
    var pptx = new window.PptxGenJS();
    pptx.layout = "LAYOUT_WIDE";
    pptx.title = title;
    pptx.subject = words.default_title;
    pptx.theme = { headFontFace: "Arial", bodyFontFace: "Arial" };
    masters(pptx);
    titleSlide(pptx, title, pack.items, words);
    var chain = Promise.resolve();
    pack.items.forEach(function (item, index) {
      chain = chain.then(function () {
        progress(fill(words.progress_slide, { n: index + 2, count: pack.items.length + 2 }));
        return blobDataUrl(item.picture);
      }).then(function (picture) {
        chartSlide(pptx, item, picture).addNotes(notes(item, words));
      });
    });
    return chain.then(function () {
      sourcesSlide(pptx, pack.items, words);
      progress(words.progress_compress);
      return pptx.write({ outputType: "blob", compression: true });
    });
  }

  function fetchFile(url) {
    return window.fetch(url, { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) { throw new Error(String(response.status)); }
      return response.blob();
    });
  }

  var DATA_FILES = [["csv", ".csv"], ["xlsx", ".xlsx"], ["datapackage", ".datapackage.json"]];

  function readme(pack, title, entries, words) {
    var lines = [title, longDate(null, words.lang), "",
      fill(words.readme_intro, { title: title, date: longDate(null, words.lang), site: site() }), ""];
    entries.forEach(function (entry, index) {
      var item = entry.item;
      lines.push((index + 1) + ". " + item.title);
      lines.push("   " + labelled(words, words.label_subtitle, item.subtitle));
      item.source.split("\n").forEach(function (line) { lines.push("   " + line); });
      lines.push("   " + labelled(words, words.label_language, words.languages[item.lang] || item.lang));
      lines.push("   " + labelled(words, words.readme_files, entry.files.join(", ")));
      entry.missing.forEach(function (missing) {
        lines.push("   " + labelled(words, words.readme_missing, missing[0] + " " + missing[1]));
      });
      if (item.facts.length) {
        lines.push("   " + words.notes_facts);
        item.facts.forEach(function (fact) { lines.push("   - " + fact); });
      }
      if (item.numbers.length) {
        lines.push("   " + words.notes_numbers);
        item.numbers.forEach(function (number) { lines.push("   - " + number); });
      }
      lines.push("");
    });
    lines.push(words.sources_title);
    sourcesUsed(pack.items, 1).forEach(function (source) {
      lines.push("- " + labelled(words, source.publisher, source.edition));
      lines.push("  " + labelled(words, words.label_licence, source.licence + " (" + source.licence_url + ")"));
      lines.push("  " + labelled(words, words.label_citation, source.citation + " " + source.url));
    });
    return lines.join("\r\n") + "\r\n";
  }

  function zipFile(pack, title, words) {
    var zip = new window.JSZip();
    var entries = [];
    var missed = 0;
    var chain = Promise.resolve();
    pack.items.forEach(function (item, index) {
      chain = chain.then(function () {
        progress(fill(words.progress_chart, { n: index + 1, count: pack.items.length }));
        var stem = String(index + 1).padStart(2, "0") + "_" + item.file.replace(/[^A-Za-z0-9_.-]+/g, "-");
        var entry = { item: item, stem: stem, files: [stem + ".png", stem + ".svg"], missing: [] };
        zip.file(stem + ".png", item.png);
        zip.file(stem + ".svg", item.svg);
        var wanted = DATA_FILES.filter(function (kind) { return item.files[kind[0]]; });
        return Promise.all(wanted.map(function (kind) {
          return fetchFile(item.files[kind[0]]).catch(function () { return null; });
        })).then(function (blobs) {
          wanted.forEach(function (kind, which) {
            if (blobs[which]) {
              zip.file(stem + kind[1], blobs[which]);
              entry.files.push(stem + kind[1]);
            } else {
              missed += 1;
              entry.missing.push([stem + kind[1], item.files[kind[0]]]);
            }
          });
          entries.push(entry);
        });
      });
    });
    return chain.then(function () {
      zip.file("README.txt", readme(pack, title, entries, words));
      zip.file("pack.json", JSON.stringify({
        title: title,
        created: new Date().toISOString(),
        site: site(),
        charts: entries.map(function (entry, index) {
          var item = entry.item;
          return {
            position: index + 1, chart: item.chart, title: item.title, subtitle: item.subtitle, source: item.source,
            description: item.description, address: item.address, lang: item.lang, edition: item.edition,
            added: item.added, facts: item.facts, numbers: item.numbers,
            sources: item.sources.map(function (source) { return source.id; }), data_links: item.files,
            files: entry.files, missing: entry.missing.map(function (missing) { return missing[0]; })
          };
        }),
        sources: sourcesUsed(pack.items, 1).map(function (source) {
          var copy = Object.assign({}, source);
          copy.charts = copy.used;
          delete copy.used;
          return copy;
        })
      }, null, 1));
      progress(words.progress_compress);
      return zip.generateAsync({ type: "blob", compression: "DEFLATE" }).then(function (blob) {
        return { blob: blob, missed: missed };
      });
    });
  }

  function write(kind, words) {
    var box = dialog();
    busy = true;
    box.setAttribute("aria-busy", "true");
    box.querySelectorAll(".pack-actions button").forEach(function (button) { button.setAttribute("aria-disabled", "true"); });
    progress(words.loading);
    var pack, title;
    loadWriter(words.writer)
      .then(readPack)
      .then(function (found) {
        pack = found;
        // The field as it reads now: its last keystrokes may not be saved yet.
        title = document.getElementById("pack-title").value.trim() || words.default_title;
        return kind === "pptx" ? pptxFile(pack, title, words).then(function (blob) { return { blob: blob, missed: 0 }; })
          : zipFile(pack, title, words);
      })
      .then(function (result) {
        var name = fileStem(title) + "." + kind;
        save(result.blob, name);
        progress(fill(words.done, { file: name }) + (result.missed ? " " + words.missing : ""));
      })
      .catch(function () { progress(words.build_failed); })
      .finally(function () {
        busy = false;
        box.removeAttribute("aria-busy");
        var empty = !pack || !pack.items.length;
        box.querySelectorAll(".pack-actions button").forEach(function (button) {
          button.setAttribute("aria-disabled", empty ? "true" : "false");
        });
      });
  }

  // --- wiring ------------------------------------------------------------------------------------------------

  window.dash_clientside = Object.assign({}, window.dash_clientside, {
    pack: {
      // A chart's "Add to briefing pack" (callbacks/pack.py): `meta` is the page meta, `words` the pack's texts.
      add: function (clicks, meta, words) {
        var ctx = window.dash_clientside.callback_context;
        var trigger = ctx.triggered_id;
        if (!trigger || !ctx.triggered.length || !ctx.triggered[0].value) { return; }
        if (meta && meta.charts && meta.charts[trigger.chart] && words) { add(trigger.chart, meta, words); }
      },

      open: function (clicks, words) {
        if (clicks && words) { open(words); }
      }
    }
  });

  // The header is drawn by the app (and again when the static page gives way to it): the count follows it.
  new MutationObserver(showCount).observe(document.documentElement, { childList: true, subtree: true });
  document.addEventListener("visibilitychange", function () {  // another tab may have changed the pack
    if (document.visibilityState === "visible") { refreshCount(); }
  });
  refreshCount();
})();
