var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
import { Injectable } from '@nestjs/common';
/**
 * Lets the time bank join the dispatch loop's confirmation transaction without the needs module importing it
 * (the ledger registers itself on start). Listeners run in registration order, in the caller's transaction.
 */
let ServiceConfirmationHooks = class ServiceConfirmationHooks {
    listeners = [];
    register(listener) {
        this.listeners.push(listener);
    }
    async confirmed(manager, service) {
        for (const l of this.listeners)
            await l.onServiceConfirmed(manager, service);
    }
};
ServiceConfirmationHooks = __decorate([
    Injectable()
], ServiceConfirmationHooks);
export { ServiceConfirmationHooks };
//# sourceMappingURL=service-confirmed.js.map