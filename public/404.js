// GitHub Pages answers every address of the site that is no file with
// 404.html, which runs this. A shared link whose `#` a chat app or a mail
// client wrote as `%23` (`…/peer-coach/%23s1.…`) lands here: what follows
// the app's own address is handed to the app as its fragment, where the
// link is opened (or the app says that the address could not be read).
// This only changes the page's own address: nothing is fetched or sent.
(function () {
  var base = document.documentElement.getAttribute('data-base') || '/';
  var path = location.pathname;
  if (path.indexOf(base) !== 0) return;
  var rest = path.slice(base.length).replace(/^(%23|#)+/i, '');
  location.replace(base + location.search + '#' + rest + location.hash);
})();
