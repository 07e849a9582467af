// site.h — `explain site`: the files a static host serves beside the
// explainer that are made from the story at build time.
//
//   text.json            every step as text (text_version.h): the page's text
//                        version, its transcript, and the whole explainer for a
//                        browser without WebGL2 or WebAssembly
//   s/<step-id>/index.html
//                        a link-preview page per step: spoiler-safe title,
//                        description and image for chat apps, then it opens
//                        the explainer at that step (open.js)
//
// Preview images are rendered before this runs (web/previews.mjs) into
// s/<step-id>/preview.png; a step without one gets the site image
// preview.png, and a site without either gets no og:image, said on stderr.
#pragma once

#include <string>

#include "core/story.h"

namespace site {

struct Options {
    std::string out_dir;    // the site folder
    std::string base_url;   // "https://example.org/explainer/", or "" for relative links
};

// Writes the files; returns false after saying on stderr what failed.
bool write(const explainer::story::Story& story, const Options& options);

// For tests and the page: the escaped text of one preview page.
std::string preview_page(const explainer::story::Story& story, int step, const std::string& image_url,
                         const std::string& base_url);

}  // namespace site
