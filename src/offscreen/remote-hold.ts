// Is the far end holding us? SIP.js reports only our own hold (onCallHold), so
// we read the far end's re-INVITE offer: RFC 3264/6337 hold is "sendonly" or
// "inactive" for the audio stream; old phones (RFC 2543) set c= to 0.0.0.0.

/** True when every audio stream of the SDP is sendonly or inactive. Undefined without SDP. */
export function isHoldSdp(sdp: string | undefined): boolean | undefined {
  if (!sdp || !/^v=0/m.test(sdp)) return undefined;
  const lines = sdp.split(/\r?\n/);
  let sessionDirection = 'sendrecv';
  let sessionZeroAddress = false;
  const media: { audio: boolean; direction?: string; zeroAddress?: boolean; port: number }[] = [];
  for (const line of lines) {
    const m = /^m=(\w+) (\d+)/.exec(line);
    if (m) {
      media.push({ audio: m[1] === 'audio', port: Number(m[2]) });
      continue;
    }
    const current = media.at(-1);
    const direction = /^a=(sendrecv|sendonly|recvonly|inactive)\s*$/.exec(line)?.[1];
    const zero = /^c=IN IP4 0\.0\.0\.0\s*$/.test(line);
    if (current) {
      if (direction) current.direction = direction;
      if (zero) current.zeroAddress = true;
    } else {
      if (direction) sessionDirection = direction;
      if (zero) sessionZeroAddress = true;
    }
  }
  // A port of 0 is a removed stream, not a held one.
  const audio = media.filter((m) => m.audio && m.port !== 0);
  if (audio.length === 0) return false;
  return audio.every((m) => {
    const direction = m.direction ?? sessionDirection;
    return direction === 'sendonly' || direction === 'inactive' || (m.zeroAddress ?? sessionZeroAddress);
  });
}
