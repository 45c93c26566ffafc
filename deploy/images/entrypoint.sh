#!/bin/sh
# exec: the JVM is PID 1 and gets the runtime's SIGTERM itself. Nothing is written to the image: /tmp is the only
# place a service writes (mount a tmpfs or emptyDir there when the root file system is read-only).
# shellcheck disable=SC2086 # JAVA_OPTS and JAVA_OPTS_APPEND are lists of options
exec java $JAVA_OPTS $JAVA_OPTS_APPEND -jar "/opt/rainmaker/$RAINMAKER_SERVICE/quarkus-run.jar" "$@"
