//! The root component: loads the bundle and shows the days, a loading note or an error.

use yew::prelude::*;

use crate::components::day_section::DaySection;
use crate::components::status::{ErrorPanel, LoadingNote};
use crate::load::fetch_bundle;
use crate::state::{Action, AppState, Loading};

/// The whole page.
#[component]
pub fn App() -> Html {
    let state = use_reducer(AppState::default);
    {
        let dispatch = state.dispatcher();
        use_effect_with(state.attempt, move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                match fetch_bundle().await {
                    Ok(bundle) => dispatch.dispatch(Action::Loaded(bundle.into())),
                    Err(error) => dispatch.dispatch(Action::Failed(error)),
                }
            });
        });
    }
    let body = match &state.loading {
        Loading::Pending => html! { <LoadingNote /> },
        Loading::Failed(error) => {
            let dispatch = state.dispatcher();
            let retry = Callback::from(move |_| dispatch.dispatch(Action::Retry));
            html! { <ErrorPanel message={error.to_string()} {retry} /> }
        }
        Loading::Ready(bundle) => html! {
            { for bundle.days.iter().map(|day| html! {
                <DaySection key={day.date.clone()} date={day.date.clone()} bundle={bundle.clone()} />
            }) }
        },
    };
    html! {
        <>
            <header class="site-header"><h1>{ "Learnings" }</h1></header>
            <main id="main">{ body }</main>
        </>
    }
}
