#!/bin/sh
# exec: the JVM is PID 1 and gets the runtime's SIGTERM itself. Nothing is written to the image: /tmp is the only
# place a service writes (mount a tmpfs or emptyDir there when the root file system is read-only).
app="/opt/rainmaker/$RAINMAKER_SERVICE"
aot=""
# The AOT cache trained in this image (Containerfile.aot); a JVM whose options do not match it starts without it.
if [ -f "$app/app.aot" ]; then
  aot="-XX:AOTCache=$app/app.aot"
fi
# shellcheck disable=SC2086 # JAVA_OPTS and JAVA_OPTS_APPEND are lists of options
exec java $JAVA_OPTS $aot $JAVA_OPTS_APPEND -jar "$app/quarkus-run.jar" "$@"
