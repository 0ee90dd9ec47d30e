//! The root component: owns the page's state, keeps it in the URL, and lays out the page. It
//! starts with the entries loaded and the view of the page it runs on, exactly as the build
//! rendered that page (see `start.rs`), then turns to what the URL says.

use std::rc::Rc;

use learnings_core::date::human_date;
use learnings_core::site::Page;
use learnings_core::view::{SetMessage, View};
use learnings_core::Bundle;
use yew::prelude::*;

use crate::components::entry_link::SiteLinks;
use crate::components::header::{site_header, Header};
use crate::components::help_panel::HelpPanel;
use crate::components::reader::Reader;
use crate::components::related::BuiltRelated;
use crate::components::update_banner::UpdateBanner;
use crate::hooks::use_copy_view::use_copy_view;
use crate::hooks::use_embed::use_embed;
use crate::hooks::use_online::use_online;
use crate::hooks::use_search::use_search;
use crate::hooks::use_service_worker::use_service_worker;
use crate::hooks::use_shortcuts::{use_shortcuts, Shortcut};
use crate::hooks::use_take_over::use_take_over;
use crate::hooks::use_theme::{use_theme, Theme};
use crate::hooks::use_url_sync::{absolute_url, use_url_sync};
use crate::shared::SharedBundle;
use crate::state::{Action, AppState};

/// Props of [`App`].
#[derive(Properties)]
pub struct AppProps {
    /// The entries.
    pub bundle: Rc<Bundle>,
    /// The page the app runs on; its view is the first render's.
    pub page: Page,
    /// What the reader typed into the prerendered search box before the app ran.
    pub typed: Option<String>,
    /// On an entry page, its entry's related entries as the build rendered them.
    pub related: Option<Rc<BuiltRelated>>,
}

impl PartialEq for AppProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.bundle, &other.bundle)
            && self.page == other.page
            && self.typed == other.typed
            && self.related == other.related
    }
}

/// The whole page.
#[component]
pub fn App(props: &AppProps) -> Html {
    let state = use_reducer(|| AppState::new(props.page.view()));
    use_take_over(state.dispatcher(), props.page.view(), props.typed.clone());
    use_url_sync(&state);
    let embed = state.view.embed.clone();
    let (theme, set_theme) = use_theme(embed.as_ref().and_then(|e| e.theme.as_deref()).map(Theme::from_name));
    {
        let (dispatch, set_theme) = (state.dispatcher(), set_theme.clone());
        use_embed(
            embed.is_some(),
            Callback::from(move |message: SetMessage| {
                if let Some(query) = message.query {
                    dispatch.dispatch(Action::SetQuery(query));
                }
                if let Some(day) = message.day {
                    dispatch.dispatch(Action::SetDay(day));
                }
                if let Some(theme) = message.theme {
                    set_theme.emit(Theme::from_name(&theme));
                }
            }),
        );
    }
    let root = props.page.root();
    let service_worker = use_service_worker(root);
    let online = use_online();
    let offline_as_of =
        (!online).then(|| props.bundle.days.first().map(|d| AttrValue::from(human_date(&d.date)))).flatten();
    let dispatch = state.dispatcher();
    let on_open = use_callback((), move |id: String, ()| dispatch.dispatch(Action::Open(id)));
    let links = SiteLinks { root, open: on_open.clone() };
    let search = use_search(&props.bundle, &state.view);
    let shown = search.shown(state.results_limit());
    let dispatch = state.dispatcher();
    let on_move = use_callback(shown, move |delta, &len| dispatch.dispatch(Action::MoveCursor { delta, len }));
    {
        let (dispatch, on_move) = (state.dispatcher(), on_move.clone());
        use_shortcuts(Callback::from(move |shortcut| match shortcut {
            Shortcut::ToggleHelp => dispatch.dispatch(Action::ToggleHelp),
            Shortcut::CloseHelp => dispatch.dispatch(Action::CloseHelp),
            Shortcut::Move(delta) => on_move.emit(delta),
        }));
    }
    let dispatch = state.dispatcher();
    let on_query = use_callback((), move |query, ()| dispatch.dispatch(Action::SetQuery(query)));
    let dispatch = state.dispatcher();
    let on_day = use_callback((), move |day, ()| dispatch.dispatch(Action::SetDay(day)));
    let dispatch = state.dispatcher();
    let on_show_more = use_callback((), move |(), ()| dispatch.dispatch(Action::ShowMoreResults));
    let dispatch = state.dispatcher();
    let on_help = use_callback((), move |(), ()| dispatch.dispatch(Action::ToggleHelp));
    let copy = use_copy_view(&state.view);
    let body = html! {
        <Reader bundle={SharedBundle(props.bundle.clone())} view={state.view.clone()} {search} cursor={state.cursor}
            {shown} related={props.related.clone()} {on_query} {on_day} {on_open} {on_move} {on_show_more} />
    };
    if embed.is_some() {
        let full = View { embed: None, ..state.view.clone() };
        return html! {
            <ContextProvider<SiteLinks> context={links}>
            <div class="embedded">
                <a class="open-full" href={absolute_url(&full)} target="_blank" rel="noopener noreferrer">{ format!("Open in {} ↗", props.bundle.site.title) }</a>
                { body }
            </div>
            </ContextProvider<SiteLinks>>
        };
    }
    let header = site_header(Header {
        site: &props.bundle.site,
        home: links.home(),
        theme,
        on_theme: set_theme.reform(move |_: MouseEvent| theme.next()),
        copy,
        help_open: state.help_open,
        on_help: on_help.reform(|_: MouseEvent| ()),
    });
    let help = state.help_open.then(|| html! { <HelpPanel on_close={on_help.clone()} /> });
    html! {
        <ContextProvider<SiteLinks> context={links}>
            { header }
            { body }
            { for help }
            <UpdateBanner available={service_worker.update_available} on_reload={service_worker.apply_update.clone()} {offline_as_of} />
        </ContextProvider<SiteLinks>>
    }
}
