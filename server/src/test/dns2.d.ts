// The parts of dns2 (a DNS server used only in tests) that the tests use; it ships no types.
declare module 'dns2' {
  interface Question { name: string; type: number }
  interface DnsRequest { questions: Question[] }
  interface DnsResponse { answers: Array<Record<string, unknown>> }
  interface DnsServer {
    listen(options: { udp: { port: number; address: string } }): Promise<{ udp: { port: number } }>;
    close(): Promise<void>;
  }
  const dns2: {
    Packet: { TYPE: Record<'A' | 'AAAA' | 'CNAME', number>; CLASS: Record<'IN', number>; createResponseFromRequest(request: DnsRequest): DnsResponse };
    createServer(options: { udp: boolean; handle: (request: DnsRequest, send: (response: DnsResponse) => void) => void }): DnsServer;
  };
  export default dns2;
}
