// A round-robin TCP load balancer on loopback, as a deployment would put in front of several processes:
// a backend that refuses connections is skipped, so clients of a dead process land on a live one.
import net from 'node:net'

export interface Balancer {
  port: number
  backends: number[]
  close(): Promise<void>
}

export async function balancer(backends: number[]): Promise<Balancer> {
  let next = 0
  const sockets = new Set<net.Socket>()
  const connect = (client: net.Socket, tries: number) => {
    if (tries === 0) return client.destroy()
    const port = backends[next++ % backends.length]!
    const up = net.connect(port, '127.0.0.1')
    sockets.add(up)
    up.once('connect', () => {
      client.pipe(up).pipe(client)
      client.resume()
    })
    up.once('error', () => {
      up.destroy()
      if (!up.readyState || up.connecting) connect(client, tries - 1)
      else client.destroy()
    })
    up.once('close', () => client.destroy())
    client.once('close', () => up.destroy())
  }
  const server = net.createServer({ pauseOnConnect: true }, (client) => {
    sockets.add(client)
    client.on('error', () => client.destroy())
    connect(client, backends.length)
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  return {
    port: (server.address() as net.AddressInfo).port,
    backends,
    close: () =>
      new Promise((r) => {
        sockets.forEach((s) => s.destroy())
        server.close(() => r())
      }),
  }
}
