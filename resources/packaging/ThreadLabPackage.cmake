# The Debian package of what cmake --install installs (make package runs cpack in build-package).
# Included from the top-level CMakeLists.txt after every install rule. Its dependencies are
# computed by dpkg-shlibdeps (Debian package dpkg-dev) from the installed executables' libraries,
# never listed by hand; python3 is only recommended: without it the model and native engines
# still run, and the CPython engine says that no interpreter was found.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME threadlab)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_DESCRIPTION "ThreadLab is a classroom app for teaching concurrency. It runs real threads
and real child processes and shows them live on a timeline: who runs, who
waits for the GIL, who waits on I/O. Built-in scenarios cover threads versus
processes, the GIL, I/O-bound and CPU-bound work, start-up costs, memory
isolation, queues, race conditions, daemon threads and scaling with cores.")
set(THREADLAB_PACKAGE_MAINTAINER "ThreadLab maintainers <threadlab@users.noreply.github.com>"
    CACHE STRING "The Maintainer field of the Debian package")
set(CPACK_PACKAGE_CONTACT "${THREADLAB_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION education)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE https://github.com/threadlab/threadlab)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS python3)
include(CPack)
