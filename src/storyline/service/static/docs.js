// Renders /openapi.json as a page: one card per endpoint with its parameters, body fields and answers.
"use strict";

(() => {
  const $ = (id) => document.getElementById(id);

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined) continue;
      if (name === "class") node.className = value;
      else node.setAttribute(name, String(value));
    }
    for (const child of children.flat()) if (child !== null && child !== undefined) node.append(child);
    return node;
  }

  // Markdown-ish text of the description: paragraphs, `code`.
  function prose(text) {
    return (text || "").split(/\n\s*\n/).filter((p) => p.trim()).map((paragraph) => {
      const p = el("p");
      paragraph.replace(/\s+/g, " ").trim().split(/(`[^`]+`)/).forEach((part) => {
        p.append(part.startsWith("`") && part.endsWith("`") && part.length > 1 ? el("code", {}, part.slice(1, -1)) : part);
      });
      return p;
    });
  }

  function resolve(spec, schema) {
    let seen = 0;
    while (schema && schema.$ref && seen++ < 10) {
      schema = schema.$ref.replace(/^#\//, "").split("/").reduce((node, key) => node && node[key], spec);
    }
    return schema || {};
  }

  function typeName(spec, schema) {
    if (!schema) return "";
    if (schema.$ref) return schema.$ref.split("/").pop();
    if (schema.anyOf) return schema.anyOf.map((s) => typeName(spec, s)).join(" | ");
    if (schema.type === "array") return `list of ${typeName(spec, schema.items)}`;
    return schema.type || "any";
  }

  function fieldsTable(spec, schema) {
    schema = resolve(spec, schema);
    if (schema.anyOf) schema = resolve(spec, schema.anyOf.find((s) => resolve(spec, s).properties) || schema.anyOf[0]);
    const properties = schema.properties || {};
    const required = new Set(schema.required || []);
    const rows = Object.entries(properties).map(([name, field]) => {
      const description = field.description || (field.title && field.title !== name.replace(/_/g, " ") ? field.title : "") || "";
      return el("tr", {}, el("td", {}, name + (required.has(name) ? "" : "?")),
        el("td", { class: "type" }, typeName(spec, field)), el("td", {}, description));
    });
    if (!rows.length) return null;
    return el("table", { class: "fields" }, el("thead", {}, el("tr", {}, el("th", {}, "field"), el("th", {}, "type"), el("th", {}, ""))),
      el("tbody", {}, rows));
  }

  function endpoint(spec, path, method, operation) {
    const id = `${method}-${path}`.replace(/[^a-z0-9]+/gi, "-");
    const card = el("section", { class: "endpoint", id, "aria-labelledby": id + "-h" },
      el("h2", { id: id + "-h" }, el("span", { class: `method ${method}` }, method.toUpperCase()), el("span", { class: "path" }, path)),
      prose(operation.description || operation.summary));
    const parameters = operation.parameters || [];
    if (parameters.length) {
      card.append(el("h3", {}, "Parameters"), el("table", { class: "fields" }, el("tbody", {}, parameters.map((p) =>
        el("tr", {}, el("td", {}, p.name + (p.required ? "" : "?")), el("td", { class: "type" }, `${p.in}, ${typeName(spec, p.schema)}`),
          el("td", {}, p.description || ""))))));
    }
    const body = operation.requestBody && operation.requestBody.content && operation.requestBody.content["application/json"];
    if (body) {
      card.append(el("h3", {}, "Body (JSON)"));
      const table = fieldsTable(spec, body.schema);
      if (table) card.append(table);
      const example = resolve(spec, body.schema).examples;
      if (example && example.length) card.append(el("pre", {}, el("code", {}, JSON.stringify(example[0], null, 2))));
    }
    const responses = Object.entries(operation.responses || {});
    if (responses.length) {
      card.append(el("h3", {}, "Answers"), el("ul", { class: "responses" }, responses.map(([code, response]) => {
        const schema = response.content && response.content["application/json"] && response.content["application/json"].schema;
        return el("li", {}, el("span", { class: "code" }, code), response.description || "",
          schema ? el("span", { class: "type" }, ` (${typeName(spec, schema)})`) : null);
      })));
      const ok = operation.responses["200"];
      const okSchema = ok && ok.content && ok.content["application/json"] && ok.content["application/json"].schema;
      const table = okSchema && fieldsTable(spec, okSchema);
      if (table) card.append(el("h3", {}, "200 answer fields"), table);
    }
    return card;
  }

  async function start() {
    $("api-example").textContent = $("api-example").textContent.replace("ORIGIN", location.origin);
    const target = $("api-endpoints");
    try {
      const response = await fetch("/openapi.json");
      const spec = await response.json();
      $("api-version").textContent = `${spec.info.title} ${spec.info.version}`;
      $("api-description").replaceChildren(...prose(spec.info.description));
      const cards = [];
      const toc = $("api-toc");
      for (const [path, methods] of Object.entries(spec.paths)) {
        for (const [method, operation] of Object.entries(methods)) {
          const card = endpoint(spec, path, method, operation);
          cards.push(card);
          toc.append(el("li", {}, el("a", { href: "#" + card.id }, `${method.toUpperCase()} ${path}`),
            operation.summary ? ` — ${operation.summary}` : ""));
        }
      }
      target.replaceChildren(...cards);
    } catch (error) {
      target.replaceChildren(el("p", { class: "status error" }, `The API description cannot be loaded: ${error.message}`));
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
