// The note editor served by `artifacta ui` at /edit-note: live preview rendered by the server
// (the same renderer as the built site), attachments uploaded with the note on Save.
(function () {
  "use strict";
  const form = document.getElementById("note-editor");
  const title = document.getElementById("note-title");
  const markdown = document.getElementById("note-markdown");
  const files = document.getElementById("note-files");
  const preview = document.getElementById("note-preview");
  const status = document.getElementById("note-status");
  const list = document.getElementById("note-attachments");
  const noteID = form.dataset.noteId;
  const pending = {};  // file name → File, not saved yet
  let timer = null;

  function say(text) { status.textContent = text; }

  // Files chosen but not saved yet show in the preview from this browser's memory.
  function showPending() {
    preview.querySelectorAll("img[src], video[src], audio[src], object[data], a[href]").forEach(function (element) {
      const attribute = element.tagName === "OBJECT" ? "data" : element.tagName === "A" ? "href" : "src";
      const name = decodeURIComponent((element.getAttribute(attribute) || "").split("/").pop());
      if (pending[name]) element.setAttribute(attribute, URL.createObjectURL(pending[name]));
    });
  }

  function refresh() {
    fetch("api/notes/preview", {
      method: "POST", headers: { "Content-Type": "application/json" }, credentials: "same-origin",
      body: JSON.stringify({ markdown: markdown.value, note_id: noteID ? Number(noteID) : null }),
    }).then(function (response) { return response.json(); }).then(function (answer) {
      if (answer.error) { say(answer.error.message); return; }
      preview.innerHTML = answer.html;  // rendered by the server in safe mode, every string escaped
      showPending();
      say(answer.warnings && answer.warnings.length ? answer.warnings.join(" · ") : "");
    }).catch(function () { say("Preview unavailable: is the server still running?"); });
  }

  markdown.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(refresh, 250); });
  files.addEventListener("change", function () {
    Array.prototype.forEach.call(files.files, function (file) {
      pending[file.name] = file;
      const item = document.createElement("li");
      item.textContent = file.name + " (not saved yet)";
      list.appendChild(item);
    });
    files.value = "";
    refresh();
  });

  function base64(file) {
    return new Promise(function (resolve, reject) {
      const reader = new FileReader();
      reader.onload = function () { resolve(String(reader.result).split(",")[1] || ""); };
      reader.onerror = function () { reject(reader.error); };
      reader.readAsDataURL(file);
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    say("Saving…");
    const names = Object.keys(pending);
    Promise.all(names.map(function (name) { return base64(pending[name]); })).then(function (contents) {
      const body = {
        title: title.value, markdown: markdown.value,
        attachments: names.map(function (name, index) { return { name: name, content_base64: contents[index] }; }),
      };
      if (!noteID) body.project = form.dataset.project;
      return fetch(noteID ? "api/notes/" + noteID : "api/notes", {
        method: noteID ? "PUT" : "POST", headers: { "Content-Type": "application/json" }, credentials: "same-origin",
        body: JSON.stringify(body),
      });
    }).then(function (response) { return response.json().then(function (answer) { return [response.ok, answer]; }); })
      .then(function (result) {
        if (!result[0]) { say(result[1].error ? result[1].error.message : "Not saved."); return; }
        say("Saved. The site shows it after its next rebuild.");
        setTimeout(function () { location.href = form.dataset.back; }, 2500);
      }).catch(function (error) { say("Not saved: " + error); });
  });
})();
