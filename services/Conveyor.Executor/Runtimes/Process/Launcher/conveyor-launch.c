/*
 * conveyor-launch: starts a job's binary in a session of its own with its rlimits set, then becomes it.
 *
 *   conveyor-launch [--nofile=N] [--fsize=N] [--core=N] [--data=N] -- BINARY [ARGUMENT...]
 *
 * What setsid and prlimit from util-linux do together, in one exec instead of two: each of those is a dynamically
 * linked program, and loading one cost more CPU than a trivial job itself. Built static, so that it loads nothing.
 * Limits are set before the exec, so the binary never runs a moment without them. The arguments after "--" and the
 * environment reach the binary untouched. Exit status 126 or 127 (and a line on stderr) when the binary cannot be
 * executed, as a shell would say it.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

extern char **environ;

static int limit(const char *option, const char *name, int resource)
{
    size_t length = strlen(name);
    if (strncmp(option, name, length) != 0 || option[length] != '=')
        return 0;
    char *end;
    errno = 0;
    unsigned long long value = strtoull(option + length + 1, &end, 10);
    if (errno != 0 || *end != '\0' || end == option + length + 1) {
        fprintf(stderr, "conveyor-launch: bad value in %s\n", option);
        exit(125);
    }
    struct rlimit both = { (rlim_t)value, (rlim_t)value };
    if (setrlimit(resource, &both) != 0) {
        fprintf(stderr, "conveyor-launch: cannot set %s: %s\n", option, strerror(errno));
        exit(125);
    }
    return 1;
}

int main(int argc, char **argv)
{
    int i = 1;
    for (; i < argc && strcmp(argv[i], "--") != 0; i++) {
        if (!limit(argv[i], "--nofile", RLIMIT_NOFILE) && !limit(argv[i], "--fsize", RLIMIT_FSIZE)
            && !limit(argv[i], "--core", RLIMIT_CORE) && !limit(argv[i], "--data", RLIMIT_DATA)) {
            fprintf(stderr, "conveyor-launch: unknown option %s\n", argv[i]);
            return 125;
        }
    }
    if (i + 1 >= argc) {
        fprintf(stderr, "usage: conveyor-launch [--nofile=N] [--fsize=N] [--core=N] [--data=N] -- BINARY [ARGUMENT...]\n");
        return 125;
    }
    /* A process group leader cannot start a session; a freshly started child never is one. */
    if (setsid() < 0) {
        fprintf(stderr, "conveyor-launch: setsid: %s\n", strerror(errno));
        return 125;
    }
    execve(argv[i + 1], &argv[i + 1], environ);
    int failure = errno;
    fprintf(stderr, "conveyor-launch: failed to execute %s: %s\n", argv[i + 1], strerror(failure));
    return failure == ENOENT ? 127 : 126;
}
