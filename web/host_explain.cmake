# Builds the native `explain` tool that the web build runs at build time (a
# host tool: text.json and the preview pages), configuring the native preset
# the first time.   cmake -DSOURCE=<repository> -P web/host_explain.cmake
if(NOT EXISTS "${SOURCE}/build/native/build.ninja")
  execute_process(COMMAND "${CMAKE_COMMAND}" --preset native WORKING_DIRECTORY "${SOURCE}" OUTPUT_QUIET RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "configuring the native preset (for the explain tool) failed")
  endif()
endif()
execute_process(COMMAND "${CMAKE_COMMAND}" --build --preset native --target explain WORKING_DIRECTORY "${SOURCE}"
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "building the explain tool failed")
endif()
