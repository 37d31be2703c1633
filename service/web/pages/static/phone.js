// The try-it phone: sends each key, words, silence or text to the server, which signs it as Twilio
// would and answers with what the caller hears. New speech goes into ARIA live logs.
(() => {
  "use strict";
  const KEYS = new Set(["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "*", "#"]);
  const KEY_NAMES = { "*": "star", "#": "pound" };
  const $ = (id) => document.getElementById(id);
  const transcript = $("transcript").querySelector("ol");
  const texts = $("texts").querySelector("ol");
  const dialButton = $("dial");
  const hangupButton = $("hangup");
  const speakAloud = $("speak-aloud");
  let onCall = false;
  let queue = Promise.resolve();
  let player = null;

  function post(path, data) {
    return fetch(path, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      credentials: "same-origin",
      body: JSON.stringify(data || {}),
    }).then((response) => response.json().then((body) => ({ ok: response.ok, status: response.status, body })));
  }

  // One request at a time, in the order the person acted, as keys reach a real line.
  function enqueue(work) {
    queue = queue.then(work).catch(() => note(transcript, "The page could not reach the line. Try again."));
    return queue;
  }

  function entry(list, who, lines, kind) {
    const placeholder = list.querySelector(".placeholder");
    if (placeholder) placeholder.remove();
    const item = document.createElement("li");
    item.className = kind;
    const label = document.createElement("span");
    label.className = "who";
    label.textContent = who;
    item.append(label);
    for (const line of lines) item.append(line);
    list.append(item);
    item.scrollIntoView({ block: "nearest" });
    return item;
  }

  function paragraph(text, className) {
    const p = document.createElement("p");
    p.textContent = text;
    if (className) p.className = className;
    return p;
  }

  function note(list, text) {
    return entry(list, "Note:", [paragraph(text)], "note");
  }

  function setCall(active, why) {
    const hadFocus = document.activeElement;
    onCall = active;
    dialButton.disabled = active;
    hangupButton.disabled = !active;
    $("call-status").innerHTML = "";
    const word = document.createElement("span");
    word.className = "status-word";
    word.textContent = active ? "On a call." : "No call.";
    $("call-status").append(word, " " + why);
    if (!active && hadFocus === hangupButton) dialButton.focus();
  }

  // --- what the line says --------------------------------------------------------------------

  function showHeard(result) {
    if (!result.ok) {
      note(transcript, result.body.error || "The line did not answer (HTTP " + result.status + ").");
      if (result.status === 409) setCall(false, "Press “Call the line” to start.");
      return;
    }
    const heard = result.body;
    const lines = [];
    const sounds = [];
    for (const step of heard.steps) {
      if (step.kind === "say") {
        lines.push(paragraph(step.text));
        sounds.push({ text: step.text, lang: step.lang });
      } else if (step.kind === "play") {
        lines.push(recordingLine(step));
        sounds.push({ audio: step.audio, text: step.text });
      } else if (step.kind === "dial") {
        lines.push(paragraph("The line connects you to " + step.text + "."));
      } else if (step.kind === "hangup") {
        lines.push(paragraph("The line hangs up."));
      }
    }
    if (heard.status !== 200) lines.push(paragraph("The line refused the request (HTTP " + heard.status + ")."));
    if (lines.length) entry(transcript, "The line:", lines, "line");
    if (heard.ended) {
      note(transcript, "The call has ended.");
      setCall(false, "The call has ended. Press “Call the line” to call again.");
    } else {
      setCall(true, "The line is waiting for a key or words.");
    }
    if (speakAloud.checked) speak(sounds);
  }

  function recordingLine(step) {
    const row = document.createElement("p");
    row.className = "play-line";
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = "Play";
    button.setAttribute("aria-label", "Play the recording: " + shortened(step.text || "a recording"));
    button.addEventListener("click", () => speak([{ audio: step.audio, text: step.text }]));
    const text = document.createElement("span");
    text.textContent = step.text || "(a recording: " + step.audio + ")";
    row.append(button, text);
    return row;
  }

  // A button's name stays short: its first words, not the whole line.
  function shortened(text) {
    const cut = text.split(/\s+/).slice(0, 8).join(" ");
    return cut.length < text.length ? cut + "…" : cut;
  }

  // Speak a turn out loud: the line's recordings when there are some, else the browser's voice.
  function speak(sounds) {
    stopSpeaking();
    const mine = { stopped: false };
    player = mine;
    if (!sounds.some((sound) => sound.audio)) {  // the browser's voice keeps its own queue
      if ("speechSynthesis" in window) for (const sound of sounds) window.speechSynthesis.speak(utterance(sound.text, sound.lang));
      return;
    }
    const next = (index) => {
      if (mine.stopped || index >= sounds.length) return;
      const sound = sounds[index];
      if (sound.audio) {
        const audio = new Audio(sound.audio);
        mine.audio = audio;
        audio.addEventListener("ended", () => next(index + 1));
        audio.addEventListener("error", () => next(index + 1));
        audio.play().catch(() => next(index + 1));
      } else if ("speechSynthesis" in window && sound.text) {
        const spoken = utterance(sound.text, sound.lang);
        spoken.addEventListener("end", () => next(index + 1));
        spoken.addEventListener("error", () => next(index + 1));
        window.speechSynthesis.speak(spoken);
      } else {
        next(index + 1);
      }
    };
    next(0);
  }

  // Each line in its own language's voice: the opening says 911 in English, then in Spanish.
  function utterance(text, lang) {
    const spoken = new SpeechSynthesisUtterance(text);
    spoken.lang = lang || document.documentElement.lang || "en";
    spoken.rate = 0.9;
    return spoken;
  }

  function stopSpeaking() {
    if (player) {
      player.stopped = true;
      if (player.audio) player.audio.pause();
    }
    if ("speechSynthesis" in window) window.speechSynthesis.cancel();
  }

  // --- what the caller does ------------------------------------------------------------------

  function dial() {
    stopSpeaking();
    enqueue(() => {
      note(transcript, "You call the line.");
      return post("/try/call/start").then((result) => {
        showHeard(result);
        if (onCall) document.querySelector('.key[data-key="1"]').focus();
      });
    });
  }

  function act(what, path, data) {
    if (!onCall) {
      note(transcript, "There is no call. Press “Call the line” first.");
      return;
    }
    stopSpeaking();
    enqueue(() => {
      entry(transcript, "You:", [paragraph(what)], "you");
      return post(path, data).then(showHeard);
    });
  }

  function press(key) {
    const button = document.querySelector('.key[data-key="' + CSS.escape(key) + '"]');
    if (button) {
      button.classList.add("pressed");
      setTimeout(() => button.classList.remove("pressed"), 200);
    }
    act("Pressed " + (KEY_NAMES[key] || key) + ".", "/try/call/press", { key });
  }

  function hangup() {
    stopSpeaking();
    enqueue(() => post("/try/call/hangup").then(() => {
      note(transcript, "You hang up.");
      setCall(false, "You hung up. Press “Call the line” to call again.");
    }));
  }

  function sendText(body) {
    const words = body.trim();
    if (!words) return;
    enqueue(() => {
      entry(texts, "You sent:", [paragraph(words, "message")], "you");
      return post("/try/text", { body: words }).then(showReplies);
    });
  }

  function showReplies(result) {
    if (!result.ok) {
      note(texts, result.body.error || "The line did not answer (HTTP " + result.status + ").");
      return;
    }
    if (!result.body.replies.length) {
      note(texts, "No reply. (After STOP the line sends nothing until you send START.)");
      return;
    }
    for (const reply of result.body.replies) {
      const plural = reply.segments === 1 ? "" : "s";
      const facts = reply.segments + " segment" + plural + ", " + reply.encoding + ", " + reply.characters + " characters";
      entry(texts, "The line replied:", [paragraph(reply.text, "message"), paragraph(facts, "facts")], "line");
    }
  }

  function typing(target) {
    return target instanceof HTMLElement &&
      (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
  }

  dialButton.addEventListener("click", dial);
  hangupButton.addEventListener("click", hangup);
  $("wait").addEventListener("click", () => act("Said nothing and waited.", "/try/call/wait"));
  for (const button of document.querySelectorAll(".key")) {
    button.addEventListener("click", () => press(button.dataset.key));
  }
  $("say-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const input = $("say-words");
    const words = input.value.trim();
    if (!words) return;
    input.value = "";
    act("Said “" + words + "”.", "/try/call/say", { words });
  });
  $("text-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const input = $("text-body");
    sendText(input.value);
    input.value = "";
  });
  for (const button of document.querySelectorAll("[data-send]")) {
    button.addEventListener("click", () => sendText(button.dataset.send));
  }
  speakAloud.addEventListener("change", () => { if (!speakAloud.checked) stopSpeaking(); });
  // The computer's keys act as the phone's keypad, as long as the person is not typing words.
  document.addEventListener("keydown", (event) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    if (typing(event.target) || !KEYS.has(event.key)) return;
    event.preventDefault();
    press(event.key);
  });
})();
