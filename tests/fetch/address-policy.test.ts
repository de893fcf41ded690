// Address classification and the opt-in allow-list, without any network.
import { describe, expect, it } from 'vitest';
import { PrivateHostAllowList, checkConnectTarget, classifyAddress } from '../../src/fetch/address-policy.js';

describe('classifyAddress', () => {
  it.each(['93.184.216.34', '8.8.8.8', '2404:6800:4003:c00::64', '2606:4700::6810:84e5'])('%s is public', (ip) => {
    expect(classifyAddress(ip)).toEqual({ allowed: true });
  });

  it.each([
    ['127.0.0.1', 'loopback'], ['127.255.255.254', 'loopback'], ['::1', 'loopback'], ['::ffff:127.0.0.1', 'loopback'],
    ['10.0.0.1', 'private'], ['172.16.0.1', 'private'], ['192.168.0.1', 'private'], ['100.64.0.1', 'private'],
    ['100.127.255.255', 'private'], ['fc00::1', 'private'], ['fdff::1', 'private'], ['fec0::1', 'private'],
    ['169.254.169.254', 'link_local'], ['::ffff:a9fe:a9fe', 'link_local'], ['fe80::1', 'link_local'], ['fe80::1%eth0', 'link_local'],
    ['0.0.0.0', 'not_public'], ['::', 'not_public'], ['224.0.0.251', 'not_public'], ['255.255.255.255', 'not_public'],
    ['ff02::1', 'not_public'], ['240.0.0.1', 'not_public'], ['64:ff9b::a9fe:a9fe', 'not_public'], ['2002:7f00:1::', 'not_public'],
    ['not-an-ip', 'invalid'],
  ])('%s is refused as %s', (ip, reason) => {
    expect(classifyAddress(ip)).toEqual({ allowed: false, reason });
  });

  it('does not treat 100.63.x or 172.32.x (just outside the ranges) as private', () => {
    expect(classifyAddress('100.63.255.255').allowed).toBe(true);
    expect(classifyAddress('172.32.0.1').allowed).toBe(true);
  });
});

describe('PrivateHostAllowList', () => {
  it('is empty by default and then allows nothing private', () => {
    const allow = new PrivateHostAllowList([]);
    expect(allow.isEmpty).toBe(true);
    expect(checkConnectTarget('localhost', '127.0.0.1', allow)?.code).toBe('fetch_refused');
  });

  it('allows listed names, addresses and ranges only', () => {
    const allow = new PrivateHostAllowList(['Intranet.Example', '127.0.0.1', '10.20.0.0/16', '[::1]']);
    expect(checkConnectTarget('intranet.example', '10.9.9.9', allow)).toBeNull();
    expect(checkConnectTarget('other.example', '127.0.0.1', allow)).toBeNull();
    expect(checkConnectTarget('other.example', '10.20.3.4', allow)).toBeNull();
    expect(checkConnectTarget('other.example', '::1', allow)).toBeNull();
    expect(checkConnectTarget('other.example', '10.21.0.1', allow)?.userMessage).toMatch(/private network/);
    expect(checkConnectTarget('other.example', '169.254.169.254', allow)?.userMessage).toMatch(/metadata/);
  });
});
