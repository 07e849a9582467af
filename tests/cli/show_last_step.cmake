# `explain show STORY epilogue` tells the whole ending: every step's narration
# from the first setup on, the unmasked Puppet Master and every reveal.
execute_process(COMMAND "${EXPLAIN}" show "${STORY}" epilogue RESULT_VARIABLE rc OUTPUT_VARIABLE out)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "explain show exited ${rc}")
endif()
foreach(needle
    "Step 25 of 25: Epilogue: a new war"
    "1. Humans and Neans"
    "25. Epilogue: a new war"
    "Roy Yunghart [character]  (was: The Puppet Master)"
    "Opera [character]  (revealed: Usurpers)"
    "The Puppet Master is Roy Yunghart.  (step twist-4)"
    "Opera is a Usurper in disguise."
    "Roy Yunghart — uses the body of → Cyan")
  string(FIND "${out}" "${needle}" at)
  if(at EQUAL -1)
    message(SEND_ERROR "missing from `explain show ... epilogue`: ${needle}")
  endif()
endforeach()
execute_process(COMMAND "${EXPLAIN}" show "${STORY}" no-such-step RESULT_VARIABLE rc2 OUTPUT_QUIET ERROR_QUIET)
if(NOT rc2 EQUAL 1)
  message(SEND_ERROR "an unknown step should exit 1, got ${rc2}")
endif()
