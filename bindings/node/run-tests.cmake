# Runs the Node.js binding's tests (CMakeLists.txt beside this file registers it as a CTest test):
#   cmake -DNODE=node -DNPM=npm -DSOURCE_DIR=bindings/node -DWORK_DIR=<build>/package -P run-tests.cmake
# with GUIDELINT_LIBRARY naming the shared library to test.
foreach(var NODE NPM SOURCE_DIR WORK_DIR)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "run-tests.cmake: -D${var}=… is required")
  endif()
endforeach()
if(NOT DEFINED ENV{GUIDELINT_LIBRARY})
  message(FATAL_ERROR "run-tests.cmake: GUIDELINT_LIBRARY must name the library to test")
endif()

# Stage the package afresh, keeping only the installed dependencies.
file(MAKE_DIRECTORY "${WORK_DIR}")
file(REMOVE_RECURSE "${WORK_DIR}/test")
file(COPY "${SOURCE_DIR}/package.json" "${SOURCE_DIR}/package-lock.json" "${SOURCE_DIR}/index.js"
          "${SOURCE_DIR}/index.d.ts" "${SOURCE_DIR}/README.md" "${SOURCE_DIR}/test"
     DESTINATION "${WORK_DIR}")

# npm ci when nothing is installed yet, or what is installed came from another lock file.
set(stamp "${WORK_DIR}/node_modules/.guidelint-package-lock.json")
set(install TRUE)
if(EXISTS "${stamp}")
  execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files "${stamp}" "${WORK_DIR}/package-lock.json"
                  RESULT_VARIABLE differs)
  if(differs EQUAL 0)
    set(install FALSE)
  endif()
endif()
if(install)
  message(STATUS "npm ci in ${WORK_DIR}")
  execute_process(COMMAND "${NPM}" ci --no-audit --no-fund
                  WORKING_DIRECTORY "${WORK_DIR}" RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "npm ci failed (${status})")
  endif()
  file(COPY_FILE "${WORK_DIR}/package-lock.json" "${stamp}")
endif()

file(GLOB tests RELATIVE "${WORK_DIR}" "${WORK_DIR}/test/*.test.js")
list(SORT tests)
execute_process(COMMAND "${NODE}" --test --test-reporter=spec ${tests}
                WORKING_DIRECTORY "${WORK_DIR}" RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "node --test failed (${status})")
endif()
