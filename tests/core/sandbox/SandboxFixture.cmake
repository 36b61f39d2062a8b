# SPDX-License-Identifier: MIT
# The ctest fixture "mariadb_cluster": one sandbox cluster (scripts/sandbox/cluster.sh) started before
# and stopped after every test that requires it, with its dedicated server (base port + 4). Ports 27070-27074 keep clear of a developer's own
# sandbox (default 23306) and of MySQL's 3306/33060, and stay below Linux's ephemeral range (32768+), where
# a client socket in TIME_WAIT could keep HAProxy from binding.
set(CLEARDB_SANDBOX_TEST_DIR ${PROJECT_BINARY_DIR}/sandbox-cluster)
# A cache variable so two build trees can run the database tests at once (-DCLEARDB_SANDBOX_TEST_PORT=…).
set(CLEARDB_SANDBOX_TEST_PORT 27070 CACHE STRING "First of the nine loopback ports the database tests use: the test cluster P..P+4 (pair, HAProxy, stats, dedicated server), tst_consoleshutdown's own sandbox P+5..P+8")
set(CLEARDB_SANDBOX_SCRIPT ${PROJECT_SOURCE_DIR}/scripts/sandbox/cluster.sh)

# cleardb_require_sandbox(tst_name): the test runs against the fixture cluster, alone (it may kill a server).
function(cleardb_require_sandbox name)
    set_property(TEST ${name} APPEND PROPERTY ENVIRONMENT
        "CLEARDB_SANDBOX_DIR=${CLEARDB_SANDBOX_TEST_DIR}" "CLEARDB_SANDBOX_SCRIPT=${CLEARDB_SANDBOX_SCRIPT}")
    set_tests_properties(${name} PROPERTIES FIXTURES_REQUIRED mariadb_cluster RESOURCE_LOCK mariadb_cluster)
endfunction()
