# Groups the execution samples of `jfr print --events jdk.ExecutionSample --stack-depth N` by component: a sample
# goes to the first frame from the top of its stack that is not the JDK's own (java., jdk., sun., ...), so time in
# a HashMap or a socket write counts for the library that called it. Prints Markdown rows
# "count<TAB>| scenario | component | samples | share |" (bench/profile.sh sorts them by the count).
function component(frame) {
    if (frame ~ /^org\.springframework\.web\.filter\.ServerHttpObservationFilter/) return "Micrometer observation (filter, metrics)"
    if (frame ~ /^io\.micrometer\./) return "Micrometer observation (filter, metrics)"
    if (frame ~ /^org\.eclipse\.jetty\./) return "Jetty / IO"
    if (frame ~ /^(org\.springframework\.security\.|com\.nimbusds\.|io\.covenant\.identity\.)/) return "security filter chain + JWT"
    if (frame ~ /^io\.covenant\.shared\.web\./) return "request-id / outage filters, caller argument (shared/web)"
    if (frame ~ /^(tools\.jackson\.|com\.fasterxml\.jackson\.)/) return "Jackson"
    if (frame ~ /^(org\.postgresql\.|org\.springframework\.jdbc\.|io\.covenant\.shared\.jdbc\.)/) return "JDBC (pgjdbc, JdbcClient, caller binding)"
    if (frame ~ /^com\.zaxxer\.hikari\./) return "Hikari"
    if (frame ~ /^(ch\.qos\.logback\.|org\.slf4j\.|org\.apache\.logging\.)/) return "logging"
    if (frame ~ /^(org\.springframework\.transaction\.|org\.springframework\.aop\.|org\.springframework\.cglib\.)/) return "Spring transactions / AOP proxies"
    if (frame ~ /^org\.hibernate\.validator\./) return "Bean Validation"
    if (frame ~ /^com\.github\.benmanes\.caffeine\./) return "caches (Caffeine)"
    if (frame ~ /^(org\.springframework\.|jakarta\.servlet\.)/) return "Spring MVC dispatch (and other Spring)"
    if (frame ~ /^io\.covenant\./) return "the app's own code"
    if (frame ~ /^(java\.|javax\.|jdk\.|sun\.|com\.sun\.)/) return ""
    split(frame, parts, ".")
    return "other: " parts[1] "." parts[2]
}

function finish() {
    if (inStack) {
        counts[chosen == "" ? "JDK only (no library frame in the sampled depth)" : chosen]++
        total++
    }
    inStack = 0
}

/^jdk\.ExecutionSample/ { finish(); chosen = ""; next }
/stackTrace = \[/ { inStack = 1; next }
inStack && /^[ \t]*\]/ { finish(); next }
inStack && chosen == "" {
    frame = $0
    sub(/^[ \t]+/, "", frame)
    if (frame ~ /^\.\.\./) next
    chosen = component(frame)
}

END {
    finish()
    for (c in counts) printf "%d\t| %s | %s | %d | %.1f%% |\n", counts[c], scenario, c, counts[c], 100 * counts[c] / total
    printf "0\t| %s | all samples | %d | 100%% |\n", scenario, total
}
