# Renders the link-preview images (web/previews.mjs, headless Chromium);
# where that cannot run, one plain image stands in for all of them
# (scripts/fallback_preview.py), and the build says so.
#   cmake -DSOURCE=<repository> -DSITE=<site folder> -P web/previews.cmake
execute_process(COMMAND node "${SOURCE}/web/previews.mjs" "${SITE}" RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(WARNING "The preview images could not be rendered; using one plain site image instead.")
  execute_process(COMMAND python3 "${SOURCE}/scripts/fallback_preview.py" "${SITE}" RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "the fallback preview image could not be written either")
  endif()
endif()
