import { Console } from 'node:console';
import { Writable } from 'node:stream';
import { AbstractMessageWriter, type Message, type MessageReader, type MessageWriter } from 'vscode-jsonrpc/node';
import { createConnection, ProposedFeatures, type Connection } from 'vscode-languageserver/node';

/**
 * The stdio transport with one write per message. vscode-jsonrpc's stream writer sends a message's
 * `Content-Length` header and its JSON body as two writes, the second after the first one's callback.
 * On a pipe each write is a system call that wakes the client, which then reads a header without
 * its body and waits again; a diagnostics publish per keystroke paid that twice, a tenth of the
 * server's time per edit of a 300-line Dockerfile (docs/performance.md, issue #19). Here the header
 * and the body are one string and one write; the bytes on the wire are the same.
 */
export class SingleWriteMessageWriter extends AbstractMessageWriter implements MessageWriter {
  private errorCount = 0;

  constructor(private readonly output: NodeJS.WritableStream) {
    super();
    output.on('error', (error: unknown) => this.fireError(error));
    output.on('close', () => this.fireClose());
  }

  write(message: Message): Promise<void> {
    let frame: string;
    try {
      frame = frameOf(message);
    } catch (error) {
      this.fireError(error);
      return Promise.reject(error);
    }
    return new Promise((resolve, reject) => {
      // Writes to one stream go out in the order they were made: no lock is needed between messages.
      // A string goes to the pipe as it is (Node encodes it into the write request, no Buffer made).
      this.output.write(frame, 'utf8', (error) => {
        if (!error) return resolve();
        this.errorCount++;
        this.fireError(error, message, this.errorCount);
        reject(error);
      });
    });
  }

  end(): void {
    this.output.end();
  }
}

/** `Content-Length: <bytes>\r\n\r\n<JSON>`, to be written as UTF-8 in one piece (what the stream writer sends in two). */
export function frameOf(message: Message): string {
  const body = JSON.stringify(message);
  // JSON.stringify escapes lone surrogates, so the byte count is that of the UTF-8 written.
  return `Content-Length: ${Buffer.byteLength(body, 'utf8')}\r\n\r\n${body}`;
}

/**
 * Over stdio, stdout carries the protocol: anything a library prints with `console` would corrupt
 * it. vscode-languageserver sends `console` to the client's log when it opens stdio itself; with our
 * own writer it does not, so this does the same: every `console` method, through the client's log.
 */
export function consoleToClientLog(log: { log(message: string): void; error(message: string): void }): Console {
  const lineSink = (send: (message: string) => void): Writable => new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      send(String(chunk).replace(/\n$/, ''));
      done();
    },
  });
  return new Console({ stdout: lineSink((message) => log.log(message)), stderr: lineSink((message) => log.error(message)) });
}

/** The transport argument of the command line (`--stdio`, `--node-ipc`, `--socket=…`, `--pipe=…`), if any. */
export function transportOf(argv: readonly string[]): string | undefined {
  return argv.find((arg) => /^--(node-ipc|stdio|socket|pipe)(=|$)/.test(arg));
}

/**
 * The server's connection, on the transport the command line names (`--stdio`, `--node-ipc`,
 * `--socket`, `--pipe`, as vscode-languageserver reads them). Over stdio it writes each message at
 * once (SingleWriteMessageWriter); the other transports are the library's own.
 */
export function createServerConnection(argv: readonly string[] = process.argv.slice(2)): Connection {
  if (transportOf(argv) !== '--stdio') return createConnection(ProposedFeatures.all);
  // stdin stays a stream (the typings want a stream and a writer or a reader and a writer; the code
  // takes either for each): then the library reads it as before and ends the process when it closes.
  const input = process.stdin as unknown as MessageReader;
  const connection = createConnection(ProposedFeatures.all, input, new SingleWriteMessageWriter(process.stdout));
  globalThis.console = consoleToClientLog(connection.console);
  return connection;
}
