/**
 * The `shotline` command. Each subcommand's module is imported only when it runs, so `--help`
 * and a mistyped command answer without loading the studio, the engine or the database.
 */
const USAGE = `Usage: shotline <command> [options]

Commands:
  start                 Open the desktop app where Electron's runtime is installed, else the browser studio
  serve                 Run the browser studio on 127.0.0.1
  render                Render a prompt file to a clip with the built-in engine (shotline render --help)
  engine                Keep the built-in engine warm, so renders start at once (shotline engine --help)
  batch                 Queue prompt files as jobs in a project and run them until done (shotline batch --help)
  jobs                  List the library's jobs and their states (shotline jobs --help)

Options (start, serve):
  --port N              Port for the browser studio (default: a free port)
  --data-dir DIR        Library folder (default: $SHOTLINE_DATA_DIR, else the platform's app-data folder)
  --no-open             Do not open a browser
  --new-token           Replace the browser studio's access token (links given out before stop working)
  --max-upload-mb N     Largest file the browser studio accepts in one upload (default: 4096)
  -h, --help            Show this help

Set SHOTLINE_LOG_LEVEL to error, warn, info (the default) or debug to choose what the studio logs
to this terminal and to logs/shotline.log in the library folder.
`;

async function run(command: string, args: readonly string[]): Promise<number | null> {
  const { stdout, stderr } = process;
  switch (command) {
    case 'render': {
      const { renderCommand } = await import('./render');
      return await renderCommand(args, stdout, stderr);
    }
    case 'engine': {
      const { engineCommand } = await import('./engine');
      return await engineCommand(args, stdout, stderr);
    }
    case 'jobs': {
      const { jobsCommand } = await import('./jobs');
      return jobsCommand(args, stdout, stderr);
    }
    case 'batch': {
      const [{ batchCommand }, { interruption }, { appVersion }] = await Promise.all([
        import('./batch'),
        import('./output'),
        import('./version'),
      ]);
      const { interrupted, dispose } = interruption();
      try {
        return await batchCommand(args, stdout, stderr, { interrupted, version: await appVersion() });
      } finally {
        dispose();
      }
    }
    case 'serve':
    case 'start': {
      const { serveCommand } = await import('./serve');
      return await serveCommand(command, args, USAGE, stdout, stderr);
    }
    default:
      return null;
  }
}

/**
 * A reader that went away (`shotline render … | head -1`) leaves nothing to show output to: the
 * command's work is done or goes on regardless, so a write to the closed pipe is dropped instead
 * of crashing the process after the fact.
 */
function ignoreClosedReaders(): void {
  for (const stream of [process.stdout, process.stderr])
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
    });
}

export async function main(argv: readonly string[]): Promise<number> {
  ignoreClosedReaders();
  const [command, ...rest] = argv;
  if (!command || command === '-h' || command === '--help' || command === 'help') {
    process.stdout.write(USAGE);
    return command ? 0 : 1;
  }
  try {
    const code = await run(command, rest);
    if (code !== null) return code;
    process.stderr.write(`Unknown command "${command}".\n\n${USAGE}`);
    return 2;
  } catch (error) {
    // Told apart by name, so reporting it does not load the database module.
    if (error instanceof Error && error.name === 'DatabaseTooNewError') {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`shotline ${command}: ${message}\n`);
    // A command line Node's argument parser refused is a usage error, like any other.
    return isUsageError(error) ? 2 : 1;
  }
}

function isUsageError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_');
}
