var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { Injectable } from '@nestjs/common';
import { forbidden, notFound } from '../common/errors.js';
import { isUuid } from '../common/ids.js';
import { maskIdNumber, maskName, maskPhone } from '../privacy/mask.js';
import { PiiCipher } from '../privacy/pii-cipher.js';
import { PeopleRepository } from './people.repository.js';
import { personAccess } from './person-access.js';
export const ID_NUMBER_FIELD = 'id_number';
let PeopleService = class PeopleService {
    repo;
    cipher;
    constructor(repo, cipher) {
        this.repo = repo;
        this.cipher = cipher;
    }
    /** The person as `actor` may see them; null when the actor may not see them at all. */
    view(actor, row) {
        const access = personAccess(actor, row.id, row.paths);
        if (access.view === 'NONE')
            return null;
        const masked = access.view === 'MASKED';
        return {
            id: row.id,
            name: masked ? maskName(row.name) : row.name,
            phone: masked ? maskPhone(row.phone) : row.phone,
            address: masked ? null : row.address,
            masked,
            gridId: row.grid_id,
            access,
            idNumberCipher: row.id_number_cipher,
        };
    }
    /** The masked view (王*, 138****0001, no address), for people a viewer meets through a task, e.g. the volunteer serving them. */
    maskedView(row) {
        return {
            id: row.id,
            name: maskName(row.name),
            phone: maskPhone(row.phone),
            address: null,
            masked: true,
            gridId: row.grid_id,
            access: { view: 'MASKED', idNumber: 'NONE', logIdNumberRead: false },
            idNumberCipher: null,
        };
    }
    async get(actor, id) {
        const [row] = isUuid(id) ? await this.repo.byIds([id]) : [];
        if (!row)
            throw notFound('人员');
        const person = this.view(actor, row);
        if (!person)
            throw forbidden('无权查看该人员');
        return person;
    }
    /** Decrypts the ID number if the viewer may see it, masking or withholding it otherwise; staff reads are logged. */
    async idNumber(viewerId, person) {
        if (!person.idNumberCipher || person.access.idNumber === 'NONE')
            return null;
        const plain = this.cipher.decrypt(person.idNumberCipher, ID_NUMBER_FIELD);
        if (person.access.idNumber === 'MASKED')
            return maskIdNumber(plain);
        if (person.access.logIdNumberRead && viewerId)
            await this.repo.logPiiAccess(viewerId, person.id, ID_NUMBER_FIELD, 'graphql:Person.idNumber');
        return plain;
    }
};
PeopleService = __decorate([
    Injectable(),
    __metadata("design:paramtypes", [PeopleRepository,
        PiiCipher])
], PeopleService);
export { PeopleService };
//# sourceMappingURL=people.service.js.map