import { WebSocketServer, type WebSocket } from 'ws';

/**
 * The baseline of `npm run bench -- events`: a bare `ws` server that sends
 * the payloads it is given to every connected client, nothing else (no
 * GraphQL, no database). Run as its own process, like the API.
 */
const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
const clients = new Set<WebSocket>();
server.on('connection', (socket, request) => {
  if (request.url === '/control') {
    socket.on('message', (data) => {
      const payloads = JSON.parse((data as Buffer).toString()) as string[];
      for (const payload of payloads) for (const client of clients) client.send(payload);
    });
    return;
  }
  clients.add(socket);
  socket.on('close', () => clients.delete(socket));
});
server.on('listening', () => console.log(`port ${(server.address() as { port: number }).port}`));
