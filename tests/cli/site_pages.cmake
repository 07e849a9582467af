# `explain site STORY OUT` writes text.json and one preview page per step.
# The story's title is made hostile first (markup, quotes, an ampersand):
# every page must carry it escaped, and a twist's page must name no twist.
file(READ "${STORY}" story)
string(REPLACE "\"title\": \"Metallic Rouge: the ending, untangled\""
               "\"title\": \"Metallic <script>x</script> \\\"Rouge\\\" & 'co'\"" story "${story}")
file(REMOVE_RECURSE "${OUT}")
file(MAKE_DIRECTORY "${OUT}")
file(WRITE "${OUT}/story.json" "${story}")
# The page each preview is made from: the site's own, as scripts/stories.py fills it.
execute_process(COMMAND python3 "${SOURCE}/scripts/stories.py" "${OUT}/stories.json" --page "${SOURCE}/shell/index.html"
                        "${OUT}/index.html" --base-url https://example.org/mr/ "${OUT}/story.json"
                RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "stories.py exited ${rc}: ${err}")
endif()
execute_process(COMMAND "${EXPLAIN}" site "${OUT}/story.json" "${OUT}" --base-url https://example.org/mr
                        --page "${OUT}/index.html"
                RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "explain site exited ${rc}: ${err}")
endif()
if(NOT EXISTS "${OUT}/text.json")
  message(SEND_ERROR "no text.json")
endif()
file(GLOB pages "${OUT}/s/*/index.html")
list(LENGTH pages count)
if(NOT count EQUAL 25)
  message(SEND_ERROR "${count} preview pages, not one per step (25)")
endif()
file(READ "${OUT}/s/twist-4/index.html" twist)
foreach(needle
    "<title>Step 18 of 25: a twist, past 3 more (hidden)</title>"
    "<meta property=\"og:site_name\" content=\"Metallic &lt;script&gt;x&lt;/script&gt; &quot;Rouge&quot; &amp; &#39;co&#39;\">"
    "<meta property=\"og:image:width\" content=\"1200\">"
    "<meta property=\"og:image:alt\" content=\"The relationship map as it stands before the twist\">"
    "<html lang=\"en\" data-step=\"twist-4\">"
    "<base href=\"../../\">"
    "<link rel=\"icon\" href=\"icon.svg\" type=\"image/svg+xml\">"
    "<script src=\"page.js\"></script>"
    "<meta property=\"og:image\" content=\"https://example.org/mr/s/twist-4/preview.png\">"
    "<meta property=\"og:url\" content=\"https://example.org/mr/s/twist-4/\">"
    "<meta name=\"twitter:card\" content=\"summary_large_image\">"
    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src &#x27;self&#x27;;")
  string(FIND "${twist}" "${needle}" at)
  if(at EQUAL -1)
    message(SEND_ERROR "missing from s/twist-4/index.html: ${needle}")
  endif()
endforeach()
foreach(secret "Puppet Master" "Roy" "<script>x")
  string(FIND "${twist}" "${secret}" at)
  if(NOT at EQUAL -1)
    message(SEND_ERROR "s/twist-4/index.html gives away or lets through: ${secret}")
  endif()
endforeach()
