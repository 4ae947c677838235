/*
 * Click to play an event's recording (overrides/hub/recording.html). The page holds the player's
 * address and a hidden button; this script shows the button and, only when the reader presses it,
 * puts the player's frame in its place. Until then the page asks nothing of the player's host (its
 * address is on the list of hosts data/site.yml allows content to embed, which is also the only
 * place the page's Content-Security-Policy lets frames come from). Without script, the link below
 * the button is the way to the recording.
 */
(function () {
  "use strict";
  function load(player) {
    var frame = document.createElement("iframe");
    frame.src = player.getAttribute("data-hub-embed");
    frame.title = player.getAttribute("data-hub-embed-title") || "";
    frame.className = "hub-recording__frame";
    frame.setAttribute("allow", "fullscreen; picture-in-picture; encrypted-media");
    frame.setAttribute("allowfullscreen", "");
    frame.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
    frame.setAttribute("sandbox", "allow-scripts allow-same-origin allow-presentation allow-popups");
    player.textContent = "";
    player.appendChild(frame);
    frame.focus();
  }
  Array.prototype.forEach.call(document.querySelectorAll(".hub-recording__player[data-hub-embed]"), function (player) {
    var button = player.querySelector("button");
    if (!button) return;
    button.addEventListener("click", function () { load(player); });
    player.hidden = false;
  });
})();
