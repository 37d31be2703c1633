// The topic page's Listen button: the line's own recording when there is one, else the browser's
// voice; with neither, the button stays hidden and a note says how else to hear the page.
(() => {
  "use strict";
  const button = document.getElementById("listen");
  if (!button) return;
  const audio = document.getElementById("listen-audio");
  const canSpeak = Boolean(window.speechSynthesis) && typeof window.SpeechSynthesisUtterance === "function";
  if (!audio && !canSpeak) {
    document.getElementById("listen-none").hidden = false;
    return;
  }
  let playing = false;

  function show(now) {
    playing = now;
    button.textContent = now ? "Stop" : "Listen";
  }

  function topicText() {
    const title = document.querySelector("article h1").textContent;
    const body = document.getElementById("topic-text").textContent;
    return (title + ". " + body).replace(/\s+/g, " ").trim();
  }

  function start() {
    if (audio) {
      audio.currentTime = 0;
      audio.play().then(() => show(true)).catch(() => show(false));
      return;
    }
    const utterance = new SpeechSynthesisUtterance(topicText());
    utterance.lang = button.dataset.lang || document.documentElement.lang || "en";
    utterance.rate = 0.9;
    utterance.addEventListener("end", () => show(false));
    utterance.addEventListener("error", () => show(false));
    window.speechSynthesis.cancel();
    window.speechSynthesis.speak(utterance);
    show(true);
  }

  function stop() {
    if (audio) audio.pause();
    else window.speechSynthesis.cancel();
    show(false);
  }

  if (audio) audio.addEventListener("ended", () => show(false));
  button.addEventListener("click", () => (playing ? stop() : start()));
  show(false);
  button.hidden = false;
  document.getElementById("listen-about").hidden = false;
})();
