/**
 * Someone who joined through the room link is in the room: the participant view says so for
 * them, instead of asking where they are. Kept for this browser tab only.
 */
const KEY = 'equalfloor.joinedFromRoom';

export function rememberJoinedFromRoom(meetingId: string): void {
  try {
    sessionStorage.setItem(KEY, meetingId);
  } catch {
    // Storage may be disabled; they will be asked instead.
  }
}

export function joinedFromRoom(meetingId: string): boolean {
  try {
    return sessionStorage.getItem(KEY) === meetingId;
  } catch {
    return false;
  }
}
