import { ErrorCode, defineErrors } from '../common/errors.js';

const { BAD_USER_INPUT, CONFLICT, FORBIDDEN } = ErrorCode;

/** Refusals of the volunteer registry: registration, profiles, review, teams and weekly availability. */
export const volunteerErrors = defineErrors('volunteers', {
  alreadyVolunteer: {
    code: CONFLICT,
    reason: 'ALREADY_VOLUNTEER',
    message: '您已注册为志愿者',
    meaning: 'The caller already has a volunteer profile that was not rejected.',
  },
  idMismatch: {
    code: BAD_USER_INPUT,
    reason: 'ID_MISMATCH',
    field: 'idNumber',
    message: '与已登记的身份证号码不一致',
    meaning: 'The ID number given differs from the one on record.',
  },
  ageUnknown: {
    code: BAD_USER_INPUT,
    reason: 'AGE_UNKNOWN',
    field: 'idNumber',
    message: '无法核实年龄：请填写身份证号码',
    meaning: 'No birth date is on record and no ID number was given, so the age rule cannot be checked.',
  },
  minorNeedsTeam: {
    code: BAD_USER_INPUT,
    reason: 'MINOR_NEEDS_TEAM',
    field: 'teamId',
    message: '未满18周岁须加入有成年领队的志愿服务队',
    meaning: 'An under-18 registers only into a team.',
  },
  teamWithoutAdultLead: {
    code: BAD_USER_INPUT,
    reason: 'TEAM_WITHOUT_ADULT_LEAD',
    field: 'teamId',
    message: '该志愿服务队没有成年领队，未满18周岁不能加入',
    meaning: 'The team chosen by an under-18 has no approved adult leader.',
  },
  unknownSkill: {
    code: BAD_USER_INPUT,
    reason: 'UNKNOWN_SKILL',
    field: 'skills',
    message: (names: string) => `未知技能：${names}（请从技能清单中选择）`,
    meaning: 'A skill is not in the seeded skill list.',
  },
  serviceAreaOutsideDistrict: {
    code: BAD_USER_INPUT,
    reason: 'SERVICE_AREA_OUTSIDE_DISTRICT',
    field: 'serviceRegionIds',
    message: '服务区域应在本人所在区县内',
    meaning: "A service region lies outside the district of the volunteer's home community.",
  },
  profileLocked: {
    code: CONFLICT,
    reason: 'INVALID_STATUS',
    message: '志愿者资格暂停或未通过审核，不能修改资料',
    meaning: 'A suspended or rejected volunteer cannot change their profile.',
  },
  reviewNotAllowed: {
    code: CONFLICT,
    reason: 'INVALID_STATUS',
    message: (status: string, verb: string) => `志愿者当前状态为「${status}」，不能${verb}`,
    meaning: 'The review action is not allowed from the current status (see the review transitions).',
  },
  notInService: {
    code: CONFLICT,
    reason: 'INVALID_STATUS',
    message: '该志愿者不在服务状态，不能入队',
    meaning: 'Only pending or approved volunteers join a team.',
  },
  teamOutsideOrganization: {
    code: BAD_USER_INPUT,
    reason: 'TEAM_OUTSIDE_ORGANIZATION',
    field: 'organizationId',
    message: '志愿服务队应在该社会组织所在区域内',
    meaning: "The team's community lies outside the running organization's region.",
  },
  teamNameTaken: { code: CONFLICT, reason: 'TEAM_NAME_TAKEN', message: '该社区已有同名志愿服务队', meaning: 'The community already has a team of that name.' },
  lastAdultLeader: {
    code: CONFLICT,
    reason: 'LAST_ADULT_LEADER',
    message: '队中有未成年队员，不能移除最后一名成年领队',
    meaning: 'Removing this member would leave minors without an approved adult leader.',
  },
  leaderAgeUnknown: {
    code: BAD_USER_INPUT,
    reason: 'LEADER_AGE_UNKNOWN',
    message: '无法核实领队年龄：该志愿者未登记身份证号码',
    meaning: "The leader's birth date is unknown (field: leaderVolunteerId or volunteerId).",
  },
  leaderNotAdult: {
    code: BAD_USER_INPUT,
    reason: 'LEADER_NOT_ADULT',
    message: '领队须年满18周岁',
    meaning: 'A team leader must be 18 or older (field: leaderVolunteerId or volunteerId).',
  },
  outsideTeamArea: {
    code: FORBIDDEN,
    reason: 'VOLUNTEER_OUTSIDE_TEAM_AREA',
    message: '该志愿者不在本队所在街道，也未选择在本社区服务',
    meaning: "The volunteer neither lives in the team's street nor chose to serve in its community.",
  },
  availabilityEndBeforeStart: {
    code: BAD_USER_INPUT,
    reason: 'AVAILABILITY_END_BEFORE_START',
    message: '结束时间应晚于开始时间',
    meaning: 'A weekly slot ends before it starts (field: availability[i].end).',
  },
  availabilityOverlap: {
    code: BAD_USER_INPUT,
    reason: 'AVAILABILITY_OVERLAP',
    message: '同一天的服务时间段不能重叠',
    meaning: 'Two weekly slots of one day overlap (field: availability[i].start).',
  },
});
