// site.h — `explain site`: the files a static host serves beside the
// explainer that are made from the story at build time.
//
//   text.json            every step as text (text_version.h): the page's text
//                        version, its transcript, and the whole explainer for a
//                        browser without WebGL2 or WebAssembly
//   s/<step-id>/index.html
//                        a link-preview page per step: the explainer's own
//                        page (--page, the site's index.html) with that step's
//                        spoiler-safe card (title, description, image) for
//                        chat apps, which opens the explainer at that step
//                        in place (shell/page.js reads data-step)
//
// Each page's og:image is s/<step-id>/preview.png, which the build renders
// after this runs (web/previews.mjs), or fills with one plain site image
// where it cannot (scripts/fallback_preview.py).
#pragma once

#include <nlohmann/json.hpp>

#include <string>

#include "core/story/story.h"

namespace site {

struct Options {
    std::string out_dir;    // the site folder
    std::string base_url;   // "https://example.org/explainer/", or "" for relative links
    std::string page;       // the site's index.html, which each preview page is made from ("": none made)
};

// Writes the files; returns false after saying on stderr what failed.
bool write(const explainer::story::Story& story, const Options& options);

// What text.json holds: the story's id, title and show; "order", every
// entity id in the order the text lists nodes; "entityAliases", the old ids
// of those that have them; and per step its text plus
// only what differs from the step before: "cards" that changed (their text
// whole; their links as [relationship, line] new or reworded, and
// "linksGone"; a card lists its links by relationship),
// "entitiesAdded" (and "entitiesGone"), "shownAs" (an entity id shown as
// another node from this step on, as id: node id, or "" when no longer),
// and "relationships" as [place, line]
// for each line new or reworded at the step (and "relationshipsGone", the
// places no longer listed); a step's list is its lines by place. Each card and
// line is written when it first appears and when its text changes, so the
// file grows with the story and what its steps change, never with
// steps × entities (bench/site_size.py measures it at every limit).
nlohmann::json text_json(const explainer::story::Story& story);

// The HTML of step k's preview page: `page` with the step's card (every
// value escaped) in its <!--card ... <!--/card--> block, a <base> of the
// site's folder, and data-step; "" when `page` has no such block.
std::string preview_page(const explainer::story::Story& story, int step, const std::string& image_url,
                         const std::string& base_url, const std::string& page);

}  // namespace site
