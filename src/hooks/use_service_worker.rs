//! The service worker: registers `sw.js` so the site works offline and installs as an app, and
//! says when a new build is waiting, so the reader decides when the page switches to it (the
//! page never reloads by itself). It registers once the page is idle, so that the install's
//! downloads and hashing come after the start-up work a reader waits for.
//!
//! Where service workers are unavailable (a sandboxed iframe, plain http off localhost) or the
//! registration fails, nothing happens: the site works as without one, with no error on the page.
//! Debug builds (`cargo xtask serve`) register nothing, so live reload always shows the newest code.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use gloo_events::EventListener;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::js_sys::{Function, Promise, Reflect};
use web_sys::{RegistrationOptions, ServiceWorker, ServiceWorkerContainer, ServiceWorkerRegistration};
use yew::prelude::*;

/// The worker's script at the site's root, reached relatively like its scope: any sub-path, any
/// origin.
const SCRIPT: &str = "sw.js";
/// The message that lets a waiting worker take over (public/sw.js listens for it).
const SKIP_WAITING: &str = "skipWaiting";

/// What the page knows about its service worker.
#[derive(Clone, PartialEq)]
pub struct ServiceWorkerStatus {
    /// A new build is installed and waits for the reader's go-ahead.
    pub update_available: bool,
    /// Lets the waiting build take over, then reloads the page once it controls it.
    pub apply_update: Callback<()>,
}

/// Event listeners kept for as long as the page watches the worker.
type Listeners = Rc<RefCell<Vec<EventListener>>>;

/// Registers the worker once and follows its updates. `root` leads from the page to the site's
/// root (`""` or `"../"`): the worker lives there and controls every page below it.
#[hook]
pub fn use_service_worker(root: &'static str) -> ServiceWorkerStatus {
    let update_available = use_state(|| false);
    let registration = use_mut_ref(|| None::<ServiceWorkerRegistration>);
    let reload_requested = use_mut_ref(|| false);
    {
        let available = update_available.setter();
        let registration = registration.clone();
        let reload_requested = reload_requested.clone();
        use_effect_with((), move |()| {
            let listeners: Listeners = Rc::default();
            if let Some(container) = container().filter(|_| !cfg!(debug_assertions)) {
                let reload_on_change = EventListener::new(&container, "controllerchange", move |_| {
                    // The first install also takes control; only a requested update reloads.
                    if *reload_requested.borrow() {
                        reload();
                    }
                });
                listeners.borrow_mut().push(reload_on_change);
                let on_change = Rc::new(move |waiting: bool| available.set(waiting));
                spawn_local(watch(container, root, registration, on_change, Rc::downgrade(&listeners)));
            }
            move || drop(listeners)
        });
    }
    let apply_update = use_callback((), move |(), _: &()| {
        let waiting = registration.borrow().as_ref().and_then(ServiceWorkerRegistration::waiting);
        match waiting {
            Some(worker) if worker.post_message(&JsValue::from_str(SKIP_WAITING)).is_ok() => {
                *reload_requested.borrow_mut() = true;
            }
            // Another tab already switched (or the message failed): a reload shows what is active.
            _ => reload(),
        }
    });
    ServiceWorkerStatus { update_available: *update_available, apply_update }
}

/// The page's service worker container, if it has one. Reading it throws in a sandboxed iframe
/// and gives `undefined` outside a secure context, so it is read as an untrusted value.
fn container() -> Option<ServiceWorkerContainer> {
    let navigator = gloo_utils::window().navigator();
    Reflect::get(&navigator, &JsValue::from_str("serviceWorker")).ok()?.dyn_into().ok()
}

/// Registers the worker once the page is idle, reports whether an update waits now and whenever
/// a worker changes state, then asks the browser to look for a newer build.
async fn watch(
    container: ServiceWorkerContainer,
    root: &'static str,
    slot: Rc<RefCell<Option<ServiceWorkerRegistration>>>,
    on_change: Rc<dyn Fn(bool)>,
    listeners: Weak<RefCell<Vec<EventListener>>>,
) {
    idle().await;
    let Some(registration) = register(&container, root).await else { return };
    *slot.borrow_mut() = Some(registration.clone());
    let check: Rc<dyn Fn()> = {
        let registration = registration.clone();
        // Without a controller the page is on its first visit: the new worker is not an update.
        Rc::new(move || on_change(registration.waiting().is_some() && container.controller().is_some()))
    };
    check();
    let Some(kept) = listeners.upgrade() else { return };
    if let Some(worker) = registration.installing() {
        kept.borrow_mut().push(on_state_change(&worker, check.clone()));
    }
    let watched = registration.clone();
    let found = EventListener::new(&registration, "updatefound", move |_| {
        if let (Some(worker), Some(kept)) = (watched.installing(), listeners.upgrade()) {
            kept.borrow_mut().push(on_state_change(&worker, check.clone()));
        }
    });
    kept.borrow_mut().push(found);
    drop(kept);
    // Offline or failing, the check changes nothing; the browser also checks on navigations.
    if let Ok(promise) = registration.update() {
        drop(JsFuture::from(promise).await);
    }
}

/// Resolves once the browser is idle: after the start-up work (hydration, the index, the results
/// of a query typed early), so that a first visit's install, which precaches the build, does not
/// compete with it for the CPU. At once where the browser has no `requestIdleCallback`.
async fn idle() {
    let window = gloo_utils::window();
    let request = Reflect::get(&window, &JsValue::from_str("requestIdleCallback")).ok();
    if let Some(request) = request.and_then(|f| f.dyn_into::<Function>().ok()) {
        let promise = Promise::new(&mut |resolve, _| {
            // Should the browser refuse the request, registering at once beats never.
            if request.call1(&window, &resolve).is_err() {
                drop(resolve.call0(&JsValue::NULL));
            }
        });
        drop(JsFuture::from(promise).await);
    }
}

/// Re-checks for a waiting worker whenever `worker` moves on (installed, activated, redundant).
fn on_state_change(worker: &ServiceWorker, check: Rc<dyn Fn()>) -> EventListener {
    EventListener::new(worker, "statechange", move |_| check())
}

/// Registers `sw.js` for the site's root; `None` when the browser refuses (private mode,
/// blocked storage).
async fn register(container: &ServiceWorkerContainer, root: &str) -> Option<ServiceWorkerRegistration> {
    let options = RegistrationOptions::new();
    options.set_scope(if root.is_empty() { "./" } else { root });
    let script = format!("{root}{SCRIPT}");
    let registered = JsFuture::from(container.register_with_options(&script, &options)).await.ok()?;
    registered.dyn_into().ok()
}

/// Reloads the page: the way to show the build that now controls it.
fn reload() {
    // Reloading cannot fail in practice; if it did, the reader can still reload by hand.
    drop(gloo_utils::window().location().reload());
}
