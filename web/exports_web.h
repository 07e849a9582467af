// exports_web.h — the page's API (window.explainer), built in exports_web.cpp
// from the app that web/host_web.cpp runs.
#pragma once

namespace explainer::ui::app { class App; }
namespace frame_stats { class FrameStats; }

namespace exports_web {

// Hands the page the table of functions (explainerPage.ready), which also
// hands the app the address bar's fragment: the one way a link comes in,
// at the first load as at every later change.
void hand_to_page(explainer::ui::app::App& app, frame_stats::FrameStats& stats);

}  // namespace exports_web
