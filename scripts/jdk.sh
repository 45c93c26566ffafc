# Sourced by ./mvnw and ./rainmaker: makes sure JAVA_HOME points at a JDK 21 or newer.
# Keeps a JAVA_HOME that is new enough; otherwise takes the newest JDK under /usr/lib/jvm.

rainmaker_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p'
}

rainmaker_find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ "$(rainmaker_java_major "$JAVA_HOME")" -ge 21 ] 2>/dev/null; then
    return 0
  fi
  local best="" best_major=0 candidate major
  if command -v java >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
    major=$(rainmaker_java_major "$candidate")
    if [ "${major:-0}" -ge 21 ] 2>/dev/null; then best=$candidate best_major=$major; fi
  fi
  for candidate in /usr/lib/jvm/*; do
    [ -x "$candidate/bin/javac" ] || continue
    major=$(rainmaker_java_major "$candidate")
    if [ "${major:-0}" -gt "$best_major" ] 2>/dev/null; then best=$candidate best_major=$major; fi
  done
  if [ "$best_major" -lt 21 ]; then
    echo "Rainmaker needs a JDK 21 or newer and found none (JAVA_HOME, java on PATH, /usr/lib/jvm)." >&2
    echo "Install one (for example: apt-get install openjdk-21-jdk-headless) or set JAVA_HOME." >&2
    return 1
  fi
  export JAVA_HOME=$best
}

rainmaker_find_jdk || exit 1

# JDK 24+ warns when the formatter (spotless) uses sun.misc.Unsafe; the flag that allows it exists only there.
if [ "$(rainmaker_java_major "$JAVA_HOME")" -ge 24 ] 2>/dev/null; then
  case " ${MAVEN_OPTS:-} " in
    *sun-misc-unsafe-memory-access*) ;;
    *) export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" ;;
  esac
fi
