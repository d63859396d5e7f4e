trigger VclLeadPhoneKeyTrigger on Lead(before insert, before update) {
  VclPhoneKeyTriggerHandler.handle(Trigger.new);
}
