import { Injectable } from '@nestjs/common';
import { logger } from '../common/logging/logger.js';

/**
 * 隐私号 / call relay (docs/everyday.md): connects two people on a need without either seeing the other's number.
 * A production deployment binds a carrier's virtual-number service (AXB) behind this interface; development and
 * tests use the console relay, which only logs that a call was requested (ids, never numbers).
 */
export abstract class CallRelay {
  /** Asks the relay to connect `callerId` with `calleeId` about `needId`; returns the number to dial, if any. */
  abstract connect(call: {
    needId: string;
    callerId: string;
    calleeId: string;
    callerPhone: string;
    calleePhone: string;
  }): Promise<{ status: string; relayNumber: string | null }>;
}

@Injectable()
export class ConsoleCallRelay extends CallRelay {
  async connect(call: { needId: string; callerId: string; calleeId: string }): Promise<{ status: string; relayNumber: string | null }> {
    logger.info('call relay (console): call requested', { needId: call.needId, callerId: call.callerId, calleeId: call.calleeId });
    return { status: 'REQUESTED', relayNumber: null };
  }
}
