// Whether this browser can use an incoming call's offer, asked before the
// call rings: a throwaway RTCPeerConnection takes the offer and is closed at
// once. An offer it refuses (a gateway without rtcp-mux, ICE or DTLS-SRTP)
// is answered 488 Not Acceptable Here, as RFC 3261 says, instead of ringing
// a call that could never be connected.

/** The browser's refusal of `sdp` as a remote offer, or undefined when it takes it (or cannot be asked). */
export async function checkOffer(sdp: string): Promise<Error | undefined> {
  let pc: RTCPeerConnection;
  try {
    pc = new RTCPeerConnection({ iceServers: [] });
  } catch {
    return undefined; // No WebRTC to ask: the answer itself will tell.
  }
  try {
    await pc.setRemoteDescription({ type: 'offer', sdp });
    return undefined;
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  } finally {
    pc.close();
  }
}
