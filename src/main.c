/*
 * main.c - the oxus command: the commands and their options as tables, and
 * what reads them. Each option is one row (names, argument, help line,
 * what it sets); the getopt_long tables, the short-option string, the
 * dispatcher and every --help text are made from the rows, and
 * tests/suites/45-probes.sh checks that src/oxus.1 lists the same options.
 * Adding an option is adding a row (and its line in oxus.1).
 */
#define _GNU_SOURCE
#include "cli.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *prog = "oxus";

/* ------------------------------------------------------------------ */
/* Options                                                             */
/* ------------------------------------------------------------------ */

typedef enum { SET_FLAG, SET_STRING, SET_WITH } set_kind;

typedef struct {
    const char *name;   /* long name */
    char letter;        /* short name, or 0 */
    const char *arg;    /* the argument's name in --help; NULL: none */
    const char *help;   /* one line; {formats} becomes the built-in formats */
    set_kind kind;
    size_t field;       /* SET_FLAG: an int set to 1; SET_STRING: a const char * */
    int (*with)(cli *, const char *); /* SET_WITH: checks and records arg */
} option;

#define FLAG(f) SET_FLAG, offsetof(cli, f), NULL
#define STRING(f) SET_STRING, offsetof(cli, f), NULL
#define WITH(fn) SET_WITH, 0, fn

static int set_jobs(cli *c, const char *a)
{
    char *end;
    long j = strtol(a, &end, 10);
    if (!*a || *end || j < 1 || j > 256) return usage_error(c, "invalid number of jobs '%s' (1-256)", a);
    c->batch.jobs = (int)j;
    return 0;
}

static int set_shard(cli *c, const char *a)
{
    char *end;
    unsigned long k = strtoul(a, &end, 10), n = 0;
    int ok = end != a && *end == '/';
    if (ok) n = strtoul(end + 1, &end, 10);
    if (!ok || *end || k < 1 || n < 1 || k > n || n > 1000000)
        return usage_error(c, "invalid shard '%s' (K/N, 1 <= K <= N)", a);
    c->shard_k = (unsigned)k;
    c->shard_n = (unsigned)n;
    return 0;
}

static int add(cli *c, strlist *l, const char *a)
{
    return strlist_add(l, a) < 0 ? usage_error(c, "%s", "out of memory") : 0;
}

static int set_report(cli *c, const char *a)
{
    const char *file;
    if (report_target(a, &file) == -2) return usage_error(c, "unknown report format '%s' (json, junit, sarif)", a);
    return add(c, &c->reports, a);
}

static int set_files0(cli *c, const char *a)
{
    c->files_from = a;
    c->nul = 1;
    return 0;
}

/* A later --param NAME (or -w) replaces an earlier one, as a later option
 * does on every command line. */
static int set_param(cli *c, const char *a)
{
    const char *eq = strchr(a, '=');
    if (!eq || eq == a) return usage_error(c, "invalid --param '%s' (NAME=VALUE)", a);
    for (size_t i = 0; i < c->params.n; i++)
        if (strncmp(c->params.v[i], a, (size_t)(eq - a) + 1) == 0) {
            c->params.v[i] = a;
            return 0;
        }
    return add(c, &c->params, a);
}

static int set_width(cli *c, const char *a)
{
    char *w = malloc(strlen(a) + 7);
    if (w) sprintf(w, "width=%s", a); /* the library checks the range, wherever it comes from */
    if (!w || strlist_add(&c->widths, w) < 0) {
        free(w);
        return usage_error(c, "%s", "out of memory");
    }
    return set_param(c, w);
}

static int set_transform(cli *c, const char *a) { return add(c, &c->transforms, a); }

static int set_form(cli *c, const char *a)
{
    if (strcmp(a, "text") != 0 && strcmp(a, "html") != 0) return usage_error(c, "unknown form '%s' (text, html)", a);
    c->import.from = a[0] == 't' ? OXUS_FROM_TEXT : OXUS_FROM_HTML;
    return 0;
}

static int set_calendar(cli *c, oxus_calendar *cal, const char *a)
{
    if (oxus_calendar_parse(cal, a) < 0)
        return usage_error(c, "unknown calendar '%s' (gregorian, solar-hijri, lunar-hijri)", a);
    return 0;
}
static int set_from(cli *c, const char *a) { return set_calendar(c, &c->from, a); }
static int set_to_calendar(cli *c, const char *a) { return set_calendar(c, &c->to, a); }

static const option HELP[] = {
    {"help", 'h', NULL, "show this help", SET_FLAG, 0, NULL},
    {0}};

static const option BATCH[] = {
    {"jobs", 'j', "N", "worker threads (default: the number of CPUs)", WITH(set_jobs)},
    {"files-from", 0, "FILE", "read more paths from FILE, one a line (- stdin)", STRING(files_from)},
    {"files-from0", 0, "FILE", "the same, NUL-separated (find -print0)", WITH(set_files0)},
    {"null", '0', NULL, "--files-from's list is NUL-separated", FLAG(nul)},
    {"shard", 0, "K/N", "process only the K-th of N stable slices", WITH(set_shard)},
    {"report", 0, "FMT[=FILE]", "json, junit or sarif report (repeatable; - stdout)", WITH(set_report)},
    {"quiet", 'q', NULL, "print only errors", FLAG(quiet)},
    {"datadir", 0, "DIR", "take schema/ and transforms/ from DIR", STRING(lib.datadir)},
    {0}};

static const option CHECK[] = { /* validate, convert */
    {"strict", 0, NULL, "treat warnings as errors", FLAG(lib.strict)},
    {"input-encoding", 0, "ENC", "read inputs as encoding ENC (iconv name)", STRING(lib.input_encoding)},
    {0}};

static const option IMPORT[] = {
    {"from", 0, "FORM", "text or html (default: by extension, else by content)", WITH(set_form)},
    {"lang", 0, "TAG", "Perso-Arabic text's language: fa (default), fa-AF, prs, ps", STRING(import.lang)},
    {"output", 'o', "DIR", "output folder", STRING(batch.outdir)},
    {"force", 'f', NULL, "replace existing drafts", FLAG(batch.force)},
    {0}};

static const option CONVERT[] = {
    {"to", 't', "FORMATS", "comma-separated formats: {formats}", STRING(formats)},
    {"output", 'o', "DIR", "output folder", STRING(batch.outdir)},
    {"force", 'f', NULL, "replace existing outputs", FLAG(batch.force)},
    {"incremental", 0, NULL, "skip inputs whose outputs are up to date", FLAG(batch.incremental)},
    {"no-validate", 0, NULL, "convert without validating (not recommended)", FLAG(lib.no_validate)},
    {"param", 0, "NAME=VALUE", "stylesheet parameter (repeatable)", WITH(set_param)},
    {"transform", 0, "FILE", "also apply the stylesheet FILE (repeatable)", WITH(set_transform)},
    {"width", 'w', "N", "text: wrap at N characters (20-10000; default 72)", WITH(set_width)},
    {"encoding", 0, "NAME", "text: re-encode (e.g. windows-1256, NAME//TRANSLIT)", STRING(batch.encoding)},
    {0}};

static const option REWRITE[] = { /* normalize, upgrade */
    {"in-place", 'i', NULL, "replace the files (through symbolic links)", FLAG(in_place)},
    {"datadir", 0, "DIR", "take schema/ from DIR", STRING(lib.datadir)},
    {0}};

static const option DATE[] = {
    {"calendar", 'c', "CAL", "the calendar of inputs that do not say", WITH(set_from)},
    {"to", 't', "CAL", "print in this calendar", WITH(set_to_calendar)},
    {0}};

static const option NEW[] = {
    {"lang", 'l', "TAG", "the main language, a BCP 47 tag (default: und)", STRING(lang)},
    {0}};

static const option REPORT[] = {
    {"report", 0, "FMT[=FILE]", "json, junit or sarif report (repeatable; - stdout)", WITH(set_report)},
    {0}};

/* ------------------------------------------------------------------ */
/* Commands                                                            */
/* ------------------------------------------------------------------ */

typedef struct {
    const char *name;
    const char *brief;   /* for oxus --help: "validate PATH..." */
    const char *summary; /* for oxus --help, beside brief */
    const char *args;    /* after "Usage: oxus NAME " */
    const char *about;   /* what oxus NAME --help says before the options */
    const option *groups[4];
    int (*run)(cli *, int, char **);
    int in_order;        /* options stop at the first operand */
} command;

static const command COMMANDS[] = {
    {"validate", "validate PATH...", "check documents: XML, schema, then the rules", "[OPTION]... PATH...",
     "Check each document: well-formedness, schema/analysis.xsd, then the rules\n"
     "(oxus rules lists them). Diagnostics go to standard error as\n"
     "FILE:LINE:COL: error: MESSAGE [RULE].\n",
     {BATCH, CHECK, HELP}, run_validate, 0},
    {"convert", "convert --to FMT PATH...", "validate, then convert to {formats}",
     "--to FORMAT[,FORMAT...] [-o DIR] [OPTION]... PATH...",
     "Validate each document, then convert it to each FORMAT ({formats}).\n"
     "Outputs go to DIR/<path relative to PATH, without .xml>.<tei.xml|jats.xml|txt>;\n"
     "one input and one format with no -o go to standard output.\n",
     {CONVERT, BATCH, CHECK, HELP}, run_convert, 0},
    {"import", "import PATH...", "a first draft of the encoding of a published analysis",
     "[--from text|html] [--lang TAG] [-o DIR] [--force] [OPTION]... PATH...",
     "Make a first draft of the encoding of each published analysis (UTF-8 text as a\n"
     "page saved as text, or the publisher's HTML page). The draft validates; claims,\n"
     "actors and responses are left to the encoder (its opening comment lists what\n"
     "remains); what could not be placed is a comment in it and a warning here.\n"
     "Drafts go to DIR/<path relative to PATH, extension replaced by .xml>; one input\n"
     "without -o goes to standard output. In folders: *.txt, *.html, *.htm.\n",
     {IMPORT, BATCH, HELP}, run_import, 0},
    {"normalize", "normalize [-i] FILE...", "fill in calendar/Gregorian forms of dates", "[-i] [OPTION]... FILE...",
     "Fill in the calendar, iso and gregorian attributes of dates from their\n"
     "printed text, changing nothing else. Writes to standard output, or with\n"
     "-i replaces each file (atomically, and only with a valid result; through\n"
     "a symbolic link to its target; a file with other hard links is refused).\n"
     "Each date it cannot complete is reported with the reason. Exit status:\n"
     "0 every date complete, 1 a date left incomplete or a document invalid,\n"
     "2 usage or I/O error.\n",
     {REWRITE, HELP}, run_normalize, 0},
    {"upgrade", "upgrade [-i] FILE...", "rewrite version 1.0 documents as version 1.1", "[-i] [OPTION]... FILE...",
     "Rewrite version 1.0 documents in version 1.1's terms: version=\"1.1\",\n"
     "each claim's disputedBy as a response of the type its status names,\n"
     "numbered suggestions as type=\"numbered\"; no other byte changes. Writes\n"
     "to standard output, or with -i replaces each file (atomically, and only\n"
     "with a valid result; through a symbolic link to its target; a file with\n"
     "other hard links is refused). A 1.1 document is left as it is.\n",
     {REWRITE, HELP}, run_upgrade, 0},
    {"date", "date TEXT...", "read dates as printed, print them in ISO form", "[--calendar CAL] [--to CAL] TEXT...",
     "Read each TEXT as a printed date and print it in ISO form, by default in\n"
     "the Gregorian calendar. CAL: gregorian, solar-hijri, lunar-hijri.\n"
     "Understood: Persian, Arabic-Indic and ASCII digits; Afghan (Dari, Pashto),\n"
     "Iranian, lunar Hijri and Gregorian (English, Dari, Iranian, Arabic) month\n"
     "names; weekdays; D Month Y, Month D, Y, ISO, D/M/Y; a month or year alone;\n"
     "ranges (15-22 February 2014); a printed equivalent in parentheses. A month,\n"
     "year or range prints as an interval in another calendar: '1400' gives\n"
     "2021-03-21/2022-03-20, '15-22 February 2014' gives 2014-02-15/2014-02-22.\n"
     "A TEXT that starts with '-' goes after '--'.\n",
     {DATE, HELP}, run_date, 1},
    {"new", "new [--lang TAG] FILE", "write a new, empty analysis to fill in", "[--lang TAG] FILE",
     "Write FILE, a new analysis in version 1.1 with the parts every analysis\n"
     "has, empty, each with a comment saying what goes there, and <?xml-model?>\n"
     "instructions naming the schema and the rules through the XML catalog.\n"
     "oxus validate reports the title, heading and paragraph as empty until\n"
     "they are filled. An existing FILE is never replaced (exit 2); - writes\n"
     "to standard output.\n",
     {NEW, HELP}, run_new, 0},
    {"rules", "rules", "list the rules with their ids and severities", "",
     "List every rule: id, severity, description.\n", {HELP}, run_rules, 0},
    {"report", "report merge FILE...", "merge JSON-lines reports into JUnit or SARIF",
     "merge --report FMT[=FILE]... FILE.json...",
     "Merge JSON-lines reports (from --report json, e.g. one per shard) into\n"
     "one report of each FMT (json, junit, sarif).\n",
     {REPORT, HELP}, run_report, 0},
};

/* ------------------------------------------------------------------ */
/* Help                                                                */
/* ------------------------------------------------------------------ */

/* Prints s with {formats} replaced by the library's built-in formats. */
static void put_text(FILE *f, const char *s)
{
    const char *at;
    while ((at = strstr(s, "{formats}")) != NULL) {
        fwrite(s, 1, (size_t)(at - s), f);
        const char *const *names = oxus_format_names();
        for (size_t i = 0; names[i]; i++) fprintf(f, "%s%s", i ? ", " : "", names[i]);
        s = at + 9;
    }
    fputs(s, f);
}

static void print_option(FILE *f, const option *o)
{
    char left[64];
    int n = o->letter ? snprintf(left, sizeof left, "  -%c, --%s", o->letter, o->name)
                      : snprintf(left, sizeof left, "      --%s", o->name);
    if (o->arg && n > 0 && (size_t)n < sizeof left) snprintf(left + n, sizeof left - (size_t)n, " %s", o->arg);
    fprintf(f, "%-28s", left);
    if (strlen(left) >= 28) fputc(' ', f);
    put_text(f, o->help);
    fputc('\n', f);
}

static void command_help(const command *cmd)
{
    printf("Usage: %s %s %s\n", prog, cmd->name, cmd->args);
    put_text(stdout, cmd->about);
    putchar('\n');
    for (size_t g = 0; g < sizeof cmd->groups / sizeof *cmd->groups && cmd->groups[g]; g++)
        for (const option *o = cmd->groups[g]; o->name; o++) print_option(stdout, o);
}

static void main_help(FILE *f)
{
    fprintf(f, "Usage: %s COMMAND [OPTION]... [ARG]...\n"
               "Validate policy analyses encoded in the oxus vocabulary and convert them\n"
               "to TEI P5, JATS 1.4 and plain text.\n\nCommands:\n", prog);
    for (size_t i = 0; i < sizeof COMMANDS / sizeof *COMMANDS; i++) {
        fprintf(f, "  %-26s", COMMANDS[i].brief);
        put_text(f, COMMANDS[i].summary);
        fputc('\n', f);
    }
    fputs("\nPATH is a file, a folder (searched for *.xml) or - for standard input.\n"
          "Exit status: 0 all valid, 1 a document is invalid, 2 usage or I/O error.\n"
          "Run 'oxus COMMAND --help' for a command's options.\n", f);
}

/* ------------------------------------------------------------------ */
/* Parsing                                                             */
/* ------------------------------------------------------------------ */

int usage_error(const cli *c, const char *fmt, const char *arg)
{
    const char *cmd = c ? c->cmd : NULL;
    const char *at = strstr(fmt, "%s");
    fprintf(stderr, "%s%s%s: ", prog, cmd ? " " : "", cmd ? cmd : "");
    if (at) { /* the argument comes from the user: escaped */
        fwrite(fmt, 1, (size_t)(at - fmt), stderr);
        term_str(stderr, arg);
        fputs(at + 2, stderr);
    } else {
        fputs(fmt, stderr);
    }
    fprintf(stderr, "\nTry '%s%s%s --help' for more information.\n", prog, cmd ? " " : "", cmd ? cmd : "");
    return EXIT_USAGE;
}

int library_error(const cli *c, int code)
{
    fprintf(stderr, "%s %s: ", prog, c->cmd);
    term_str(stderr, oxus_errmsg()[0] ? oxus_errmsg() : code == OXUS_ENOMEM ? "out of memory" : "failed");
    fputc('\n', stderr);
    return EXIT_USAGE;
}

/* The argument a short option came in: getopt leaves optind on it while
 * more letters follow, and just past it after the last one. */
static const char *cluster(char **argv, int argc, int letter)
{
    for (int i = optind; i >= optind - 1 && i >= 1; i--)
        if (i < argc && argv[i][0] == '-' && argv[i][1] != '-' && strchr(argv[i] + 1, letter)) return argv[i];
    return NULL;
}

/* getopt_long runs with opterr off, so that the message names what the
 * user typed: the option, and the argument it was part of. */
static int bad_option(const cli *c, int got, int argc, char **argv)
{
    const char *typed = argv[optind - 1 < argc ? optind - 1 : argc - 1];
    char name[128];
    if (optopt > 0 && optopt < 256 && strncmp(typed, "--", 2) != 0)
        snprintf(name, sizeof name, "-%c", optopt);
    else
        snprintf(name, sizeof name, "%.*s", (int)strcspn(typed, "="), typed);
    if (got == ':') return usage_error(c, "option '%s' needs an argument", name);
    const char *in = optopt > 0 && optopt < 256 ? cluster(argv, argc, optopt) : NULL;
    if (in && strcmp(in, name) != 0) {
        char msg[640];
        snprintf(msg, sizeof msg, "'%s' in '%.400s' (a TEXT or PATH that starts with '-' goes after '--')", name, in);
        return usage_error(c, "invalid option %s", msg);
    }
    return usage_error(c, optopt ? "invalid option '%s'" : "unrecognized option '%s'", name);
}

static int apply(cli *c, const option *o, const char *arg)
{
    if (o->kind == SET_FLAG) *(int *)((char *)c + o->field) = 1;
    else if (o->kind == SET_STRING) *(const char **)((char *)c + o->field) = arg;
    else return o->with(c, arg);
    return 0;
}

#define MAX_OPTIONS 64

/* Parses argv (argv[0] is the command) with the command's options; *first
 * receives the index of the first operand. Returns 0, -1 for --help (done),
 * or an exit status. */
static int parse(cli *c, const command *cmd, int argc, char **argv, int *first)
{
    const option *flat[MAX_OPTIONS];
    struct option longs[MAX_OPTIONS + 1];
    char shorts[2 * MAX_OPTIONS + 3] = "", *s = shorts;
    size_t n = 0;
    if (cmd->in_order) *s++ = '+';
    *s++ = ':';
    for (size_t g = 0; g < sizeof cmd->groups / sizeof *cmd->groups && cmd->groups[g]; g++)
        for (const option *o = cmd->groups[g]; o->name && n < MAX_OPTIONS; o++, n++) {
            flat[n] = o;
            longs[n] = (struct option){o->name, o->arg ? required_argument : no_argument, NULL,
                                       o->letter ? o->letter : 256 + (int)n};
            if (o->letter) {
                *s++ = o->letter;
                if (o->arg) *s++ = ':';
            }
        }
    memset(&longs[n], 0, sizeof longs[n]);
    *s = '\0';
    opterr = 0;
    optind = 1;
    int got;
    while ((got = getopt_long(argc, argv, shorts, longs, NULL)) != -1) {
        const option *o = NULL;
        for (size_t i = 0; i < n && !o; i++)
            if (longs[i].val == got && got != '?' && got != ':') o = flat[i];
        if (!o) return bad_option(c, got, argc, argv);
        if (o == HELP) {
            command_help(cmd);
            return -1;
        }
        int rc = apply(c, o, optarg);
        if (rc) return rc;
    }
    *first = optind;
    return 0;
}

/* ------------------------------------------------------------------ */
/* Standard streams                                                    */
/* ------------------------------------------------------------------ */

/* A standard stream that is closed (oxus ... >&-) would be given to the
 * first file oxus opens, and what oxus prints would land in it. Each is
 * opened on /dev/null for reading instead: writing to it then fails
 * (EBADF), as writing to the closed stream would have, and is reported. */
static void guard_standard_streams(void)
{
    for (int fd = 0; fd <= 2; fd++)
        if (fcntl(fd, F_GETFD) < 0 && errno == EBADF) {
            int nfd = open("/dev/null", O_RDONLY);
            if (nfd >= 0 && nfd != fd) close(nfd); /* a lower one was free: leave it */
        }
}

/* Every write to standard output is checked at the end, as coreutils'
 * close_stdout does: a full disk or a closed pipe is an error (exit 2),
 * never a silent success. */
static int finish_stdout(int rc)
{
    int err = 0;
    if (fflush(stdout) != 0) err = errno;
    if (ferror(stdout) && !err) err = EIO;
    if (fclose(stdout) != 0 && !err) err = errno;
    if (!err) return rc;
    fprintf(stderr, "%s: cannot write to standard output: %s\n", prog, strerror(err));
    return EXIT_USAGE;
}

static int dispatch(int argc, char **argv)
{
    if (argc < 2) {
        main_help(stderr);
        return EXIT_USAGE;
    }
    const char *name = argv[1];
    if (!strcmp(name, "--help") || !strcmp(name, "-h")) return main_help(stdout), 0;
    if (!strcmp(name, "--version") || !strcmp(name, "-V")) return printf("oxus %s\n", OXUS_VERSION), 0;
    for (size_t i = 0; i < sizeof COMMANDS / sizeof *COMMANDS; i++) {
        const command *cmd = &COMMANDS[i];
        if (strcmp(name, cmd->name) != 0) continue;
        static cli c;
        memset(&c, 0, sizeof c);
        c.cmd = cmd->name;
        c.lib.version = OXUS_OPTIONS_VERSION;
        c.batch.version = OXUS_BATCH_OPTIONS_VERSION;
        c.import.version = OXUS_IMPORT_OPTIONS_VERSION;
        c.lib.datadir = getenv("OXUS_DATADIR");
        c.to = OXUS_CAL_GREGORIAN;
        int first = 0, rc = parse(&c, cmd, argc - 1, argv + 1, &first);
        if (rc == 0) rc = cmd->run(&c, argc - 1 - first, argv + 1 + first);
        strlist_free(&c.reports);
        strlist_free(&c.params);
        strlist_free(&c.transforms);
        for (size_t k = 0; k < c.widths.n; k++) free((char *)c.widths.v[k]);
        strlist_free(&c.widths);
        return rc < 0 ? 0 : rc;
    }
    if (name[0] == '-') return usage_error(NULL, "unrecognized option '%s'", name);
    return usage_error(NULL, "unknown command '%s'", name);
}

int main(int argc, char **argv)
{
    guard_standard_streams();
    return finish_stdout(dispatch(argc, argv));
}
