// The participant page: join once (the token is kept, so a reload or a sleeping phone rejoins
// as the same person), choose within the budgets, send, change until the round closes.
"use strict";

const $ = (id) => document.getElementById(id);
const tokenKey = "causeway-vote-token";
let round = null;
let chosen = { watch: new Set(), stop: new Set() };

function say(text, isError) {
  $("message").textContent = text;
  $("message").className = isError ? "error" : "";
}

async function api(method, path, body) {
  const headers = { "Content-Type": "application/json" };
  const token = localStorage.getItem(tokenKey);
  if (token) headers.Authorization = "Bearer " + token;
  const response = await fetch(path, { method, headers, body: body ? JSON.stringify(body) : undefined });
  let data = {};
  try { data = await response.json(); } catch (e) { data = { error: "The server sent something unexpected." }; }
  return { status: response.status, data };
}

function show(section) {
  for (const id of ["join", "ballot", "closed"]) $(id).hidden = id !== section;
}

function updateBudgets() {
  const w = round.watchBudget - chosen.watch.size;
  const s = round.stopBudget - chosen.stop.size;
  $("budgets").textContent = `Keep watching: ${w} of ${round.watchBudget} left. ` +
    `Could stop watching: ${s} of ${round.stopBudget} left.`;
  for (const box of document.querySelectorAll("#items input[type=checkbox]")) {
    const set = chosen[box.dataset.kind];
    const budget = box.dataset.kind === "watch" ? round.watchBudget : round.stopBudget;
    const other = chosen[box.dataset.kind === "watch" ? "stop" : "watch"];
    box.disabled = !box.checked && (set.size >= budget || other.has(box.dataset.id));
  }
  for (const row of document.querySelectorAll("#items .item")) {
    row.classList.toggle("watched", chosen.watch.has(row.dataset.id));
    row.classList.toggle("stopped", chosen.stop.has(row.dataset.id));
  }
}

function itemRow(item) {
  const row = document.createElement("div");
  row.className = "item";
  row.dataset.id = item.id;
  row.dataset.search = item.label.toLowerCase();
  const label = document.createElement("div");
  label.className = "label";
  label.id = "label-" + item.id;
  label.textContent = item.kind === "link" ? `${item.label} (${item.polarity})` : item.label;
  const choices = document.createElement("div");
  choices.className = "choices";
  for (const [kind, text] of [["watch", "Keep watching"], ["stop", "Could stop watching"]]) {
    const wrap = document.createElement("label");
    const box = document.createElement("input");
    box.type = "checkbox";
    box.dataset.kind = kind;
    box.dataset.id = item.id;
    box.checked = chosen[kind].has(item.id);
    box.setAttribute("aria-describedby", label.id);
    box.addEventListener("change", () => {
      if (box.checked) chosen[kind].add(item.id); else chosen[kind].delete(item.id);
      updateBudgets();
    });
    wrap.append(box, document.createTextNode(text));
    choices.append(wrap);
  }
  row.append(label, choices);
  return row;
}

function renderRound() {
  $("title").textContent = round.round;
  $("question").textContent = round.question;
  const mine = round.ballot || { watch: [], stop: [] };
  chosen = { watch: new Set(mine.watch), stop: new Set(mine.stop) };
  const items = $("items");
  items.replaceChildren();
  const groups = new Map();
  for (const item of round.items) {
    const group = item.kind === "link" ? "Links" : (item.group || "Factors");
    if (!groups.has(group)) groups.set(group, []);
    groups.get(group).push(item);
  }
  for (const [name, list] of groups) {
    const heading = document.createElement("h3");
    heading.textContent = name;
    items.append(heading);
    for (const item of list) items.append(itemRow(item));
  }
  updateBudgets();
}

async function loadRound() {
  const { status, data } = await api("GET", "/api/round");
  if (status === 401) {
    localStorage.removeItem(tokenKey);
    show("join");
    return;
  }
  if (status !== 200) { say(data.error || "Could not load the round.", true); return; }
  round = data;
  if (round.state === "closed") { show("closed"); return; }
  renderRound();
  show("ballot");
  say(round.ballot ? `Welcome back, ${round.participant}. You can change your choices.` : `Hello, ${round.participant}.`);
}

$("join").addEventListener("submit", async (event) => {
  event.preventDefault();
  const { status, data } = await api("POST", "/api/join", { code: $("code").value.trim().toUpperCase(), name: $("name").value });
  if (status !== 200) { say(data.error || "Could not join.", true); return; }
  localStorage.setItem(tokenKey, data.token);
  await loadRound();
});

$("ballot").addEventListener("submit", async (event) => {
  event.preventDefault();
  $("submit").disabled = true;
  const { status, data } = await api("PUT", "/api/ballot", { watch: [...chosen.watch], stop: [...chosen.stop] });
  $("submit").disabled = false;
  if (status === 200) say("Your choices are in. You can change them until the round closes.");
  else if (status === 409) show("closed");
  else say(data.error || "Your choices were not taken.", true);
});

$("search").addEventListener("input", () => {
  const text = $("search").value.trim().toLowerCase();
  for (const row of document.querySelectorAll("#items .item"))
    row.hidden = text !== "" && !row.dataset.search.includes(text);
});

function listen() {
  if (!window.EventSource) return;
  const events = new EventSource("/api/events");
  events.onmessage = (event) => {
    const state = JSON.parse(event.data);
    if (state.state === "closed") { show("closed"); events.close(); }
  };
}

const params = new URLSearchParams(location.search);
if (params.get("code")) $("code").value = params.get("code");
if (localStorage.getItem(tokenKey)) loadRound(); else show("join");
listen();
