// Peer Coach's first screen, before the app runs. index.html carries the
// home screen's header, title and main buttons (the same elements and
// classes as src/ui/header.rs and src/ui/home.rs draw), so something is on
// screen while the WebAssembly loads; the app removes them when it mounts
// (src/ui/shell.rs). This script, run in <head> before they are parsed:
// - speaks the app's language (its rule: `?lang=`, else the language chosen
//   on this device, else the browser's), with the catalogues' own texts
//   (tests/shell_texts.rs fails if they drift);
// - shows no home buttons where the address opens another screen;
// - makes a tap on a button go where the app's button goes (the app opens
//   that route when it mounts);
// - says so, with "Try again", where the app could not be fetched or
//   started (`peerCoachFailed`, called by the boot script).
(function () {
  'use strict';
  var TEXTS = {
    es: {
      AppName: "Peer Coach",
      LanguageLabel: "Idioma",
      SoundToggleLabel: "Aviso sonoro de fin",
      SoundOn: "sí",
      SoundOff: "no",
      HomeIntro: "Peer Coach guía a dos colegas por una conversación de coaching estructurada: acordar las normas básicas, luego Objetivo, Realidad, Opciones y Voluntad, y cambiar de roles a mitad de sesión.",
      HomePrivacy: "Sin cuenta ni servidor: nada de lo que escribes sale de este dispositivo si no lo compartes.",
      StartSession: "Empezar una sesión",
      ContinueSession: "Seguir con la sesión",
      HomeExercises: "Ejercicios guiados",
      HomeHistory: "Historial",
      HomeJournal: "Diario",
      HomeRotation: "Rotación del equipo",
      RoundTitle: "Ronda de FeedForward",
      HomeTrainers: "Para formadores",
      ScreenLoading: "Abriendo…",
      ScreenUnloadedTitle: "Esta pantalla no se abrió",
      ScreenUnloaded: "No se pudo cargar esta pantalla. Comprueba la conexión e inténtalo de nuevo.",
      ScreenTryAgain: "Reintentar",
    },
    pt: {
      AppName: "Peer Coach",
      LanguageLabel: "Idioma",
      SoundToggleLabel: "Som de fim do tempo",
      SoundOn: "ligado",
      SoundOff: "desligado",
      HomeIntro: "O Peer Coach guia dois colegas por uma conversa de coaching estruturada: vocês definem os combinados, passam por Objetivo, Realidade, Opções e Ação, e trocam de papel na metade do tempo.",
      HomePrivacy: "Sem conta, sem servidor: nada do que você escreve sai deste dispositivo, a menos que você compartilhe.",
      StartSession: "Começar uma sessão",
      ContinueSession: "Continuar a sessão",
      HomeExercises: "Exercícios guiados",
      HomeHistory: "Histórico",
      HomeJournal: "Diário",
      HomeRotation: "Rodízio da equipe",
      RoundTitle: "Rodada de FeedForward",
      HomeTrainers: "Para facilitadores",
      ScreenLoading: "Abrindo…",
      ScreenUnloadedTitle: "Esta tela não abriu",
      ScreenUnloaded: "Não foi possível carregar esta tela. Verifique a conexão e tente de novo.",
      ScreenTryAgain: "Tentar de novo",
    },
  };
  var root = document.documentElement;
  var query = new URLSearchParams(location.search);
  // A preset's on/off parameter, read as src/domain/preset.rs reads it.
  var flag = function (name) {
    return query.has(name) && /^(|1|true|yes|on)$/i.test(query.get(name).trim());
  };
  // The trainers' preview keeps nothing and reads nothing of this device.
  var stored = function (key) {
    if (flag('preview')) return null;
    try {
      return localStorage.getItem(key);
    } catch (e) {
      return null; // an opaque origin: no storage
    }
  };
  var settings = {};
  try {
    settings = JSON.parse(stored('peer-coach.settings')).data || {};
  } catch (e) {
    settings = {};
  }
  // Lang::from_tag: the primary subtag, if the app speaks it.
  var speaks = function (tag) {
    var code = String(tag || '').trim().split(/[-_]/)[0].toLowerCase();
    return code === 'en' || TEXTS[code] ? code : null;
  };
  var preset = (query.get('lang') || '').trim().toLowerCase();
  var lang = preset === 'en' || TEXTS[preset] ? preset : speaks(settings.language);
  var browser = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language];
  for (var i = 0; !lang && i < browser.length; i++) lang = speaks(browser[i]);
  lang = lang || 'en';
  // A language chosen here, in this tab, before the app ran (the page
  // was reloaded first) is still the choice: the app takes it as one
  // made now, and forgets it here (src/ui/shell.rs).
  var CHOSEN = 'peer-coach.shell-lang';
  var tab = null;
  if (!flag('preview')) {
    try {
      tab = sessionStorage.getItem(CHOSEN);
    } catch (e) {
      tab = null; // an opaque origin: no storage
    }
  }
  if (tab === 'en' || TEXTS[tab]) {
    lang = tab;
    root.setAttribute('data-shell-lang', lang);
  }
  root.lang = lang;

  // Home is an empty fragment or `#/` (Route::parse), unless a preset opens
  // one exercise in its place.
  var home = function () {
    var fragment = location.hash.replace(/^#/, '');
    return (fragment === '' || fragment === '/') && !query.get('exercise');
  };
  var follow = function () {
    // Once the app has taken the first screen's place, the app routes.
    if (document.readyState !== 'loading' && !document.querySelector('[data-shell]')) {
      removeEventListener('hashchange', follow);
      return;
    }
    root.classList.toggle('shell-away', !home());
  };
  follow();
  addEventListener('hashchange', follow);
  if (flag('embed')) root.classList.add('embed');
  if (flag('embed') && query.get('exercise')) root.classList.add('shell-bare');

  // Hidden until its texts and state are this device's (a moment: the
  // page is tiny), so nothing changes on screen after the first paint.
  root.classList.add('shell-wait');
  var muted = settings.muted === true;
  var english = {};
  var each = function (selector, f) {
    Array.prototype.forEach.call(document.querySelectorAll('[data-shell] ' + selector), f);
  };
  var show = function () {
    var sound = document.querySelector('[data-shell] .sound');
    if (sound) sound.setAttribute('aria-checked', muted ? 'false' : 'true');
    each('.switch-state', function (el) {
      el.setAttribute('data-t', muted ? 'SoundOff' : 'SoundOn');
    });
    each('[data-t]', function (el) {
      var key = el.getAttribute('data-t');
      el.textContent = (TEXTS[lang] || english)[key];
    });
    each('select', function (el) {
      el.value = lang;
    });
  };
  document.addEventListener('DOMContentLoaded', function () {
    each('[data-t]', function (el) {
      english[el.getAttribute('data-t')] = el.textContent;
    });
    english.SoundOff = "off";
    show();
    // "Continue the session": the session last worked on, if it is here.
    var current = stored('peer-coach.current');
    var resume = document.querySelector('[data-shell] [data-route="#/session/"]');
    if (resume && current && /^[A-Za-z0-9_-]{1,64}$/.test(current) && stored('peer-coach.session.' + current) != null) {
      resume.setAttribute('data-route', '#/session/' + current);
      resume.hidden = false;
    }
    root.classList.remove('shell-wait');
  });
  // Before the app runs, its controls do what the app's do; the app takes
  // a language or sound chosen here over when it mounts (src/ui/shell.rs).
  document.addEventListener('click', function (ev) {
    var target = ev.target.closest && ev.target.closest('[data-shell] [data-route], [data-shell] .sound, [data-shell] [data-shell-reload]');
    if (!target) return;
    if (target.hasAttribute('data-shell-reload')) {
      location.reload();
    } else if (target.hasAttribute('data-route')) {
      // The app, once it runs, takes focus to the new screen's title.
      root.setAttribute('data-shell-went', '');
      location.hash = target.getAttribute('data-route');
    } else {
      muted = !muted;
      root.setAttribute('data-shell-muted', String(muted));
      show();
    }
  });
  // The boot script could not fetch or start the app: the first screen
  // says so, with "Try again" (a reload), instead of opening nothing.
  self.peerCoachFailed = function () {
    if (!document.querySelector('[data-shell]')) return; // the app is running
    root.classList.add('shell-failed');
    var title = document.getElementById('shell-failed-title');
    if (title) title.focus();
  };
  document.addEventListener('change', function (ev) {
    if (!ev.target.closest('[data-shell]') || !ev.target.matches('select')) return;
    lang = ev.target.value;
    root.lang = lang;
    root.setAttribute('data-shell-lang', lang);
    if (!flag('preview')) {
      try {
        sessionStorage.setItem(CHOSEN, lang);
      } catch (e) {
        // No storage: the choice holds until a reload.
      }
    }
    show();
  });
})();
